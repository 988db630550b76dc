module civicgraph

go 1.26
