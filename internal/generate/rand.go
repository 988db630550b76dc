package generate

// rng is a splitmix64 generator. It is written out here, rather than taken
// from math/rand/v2, so that the bytes Write produces for a seed can never
// change with the Go release: the golden files pin them.
type rng struct{ s uint64 }

// mix is the splitmix64 finaliser: a bijection on uint64 that spreads every
// input bit over the output.
func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// newRNG returns the generator for entity i of the given kind. Every entity
// has its own stream, so entities can be rendered alone (SampleIRIs does) and
// a change to one kind leaves the others' bytes alone.
func newRNG(seed int64, kind salt, i int64) rng {
	return rng{s: mix(mix(uint64(seed)^uint64(kind)*0x9e3779b97f4a7c15) + uint64(i)*0xd1b54a32d192ed03)}
}

// next returns the next 64 random bits.
func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a number in [0, n) for 0 < n < 2^32 (Lemire's multiply-shift,
// without the rejection step: the bias is below 2^-32 and does not matter here).
func (r *rng) intn(n int) int {
	return int((r.next() >> 32) * uint64(n) >> 32)
}

// int64n returns a number in [0, n) for n > 0.
func (r *rng) int64n(n int64) int64 {
	return int64(r.next() % uint64(n))
}

// float returns a number in [0, 1).
func (r *rng) float() float64 {
	return float64(r.next()>>11) / (1 << 53)
}

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// skewed returns a number in [0, n), small numbers more often: index
// floor(n·u²) puts half of the draws in the first quarter. It models the few
// big actors and frequent mechanisms that real data has.
func (r *rng) skewed(n int64) int64 {
	u := r.float()
	return int64(u * u * float64(n))
}

// salt tells the streams of entity kinds (and of keyed fields) apart.
type salt uint64

const (
	saltAdministration salt = iota + 1
	saltActor
	saltMechanism
	saltMission
	saltPerson
	saltReference
	saltProcurement
	saltEngagement
	saltCountry
	saltProcurementShape
	saltMissionShape
	saltMechanismShape
	saltText
	saltCPV // CPV codes of OCDS releases
)
