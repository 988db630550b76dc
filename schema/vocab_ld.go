package schema

// The Hydra Core vocabulary (prefix hydra), for the controls of the
// Triple Pattern Fragments (https://www.hydra-cg.com/spec/latest/triple-pattern-fragments/).
const (
	// NSHydra is the Hydra namespace.
	NSHydra = "http://www.w3.org/ns/hydra/core#"

	HydraCollection             = NSHydra + "Collection"
	HydraPartialCollectionView  = NSHydra + "PartialCollectionView"
	HydraIriTemplate            = NSHydra + "IriTemplate"
	HydraIriTemplateMapping     = NSHydra + "IriTemplateMapping"
	HydraExplicitRepresentation = NSHydra + "ExplicitRepresentation"
	HydraSearch                 = NSHydra + "search"
	HydraTemplate               = NSHydra + "template"
	HydraVariableRepresentation = NSHydra + "variableRepresentation"
	HydraMapping                = NSHydra + "mapping"
	HydraVariable               = NSHydra + "variable"
	HydraProperty               = NSHydra + "property"
	HydraTotalItems             = NSHydra + "totalItems"
	HydraItemsPerPage           = NSHydra + "itemsPerPage"
	HydraFirst                  = NSHydra + "first"
	HydraNext                   = NSHydra + "next"
	HydraPrevious               = NSHydra + "previous"
	HydraView                   = NSHydra + "view"
)

// Terms of RDF, FOAF, DCAT and DCTERMS that the dataset description and
// the fragments' metadata use, beside those of vocab.go.
const (
	RDFSubject   = NSRDF + "subject"
	RDFPredicate = NSRDF + "predicate"
	RDFObject    = NSRDF + "object"

	FOAFPrimaryTopic = NSFOAF + "primaryTopic"

	DCATDataService          = NSDCAT + "DataService"
	DCATCatalog              = NSDCAT + "Catalog"
	DCATEndpointURL          = NSDCAT + "endpointURL"
	DCATServesDataset        = NSDCAT + "servesDataset"
	DCATAccessService        = NSDCAT + "accessService"
	DCATDistributionProperty = NSDCAT + "distribution"
	DCATDatasetProperty      = NSDCAT + "dataset"

	DCTermsConformsTo = NSDCTerms + "conformsTo"

	VOIDFeature = NSVOID + "feature"
)
