package assets

import _ "embed"

// The built-in actor knowledge that CLDR does not provide (see the comments
// at the top of each file for its format). Package annotation/recognize parses them.
var (
	// StatesExtra adds capitals, seats of government, demonyms, short forms
	// and Wikidata ids to the CLDR state names, and lists the region codes
	// that are territories rather than states.
	//
	//go:embed actors/states-extra.tsv
	StatesExtra string

	// Organisations lists major international organisations and agencies.
	//
	//go:embed actors/organisations.tsv
	Organisations string

	// Companies lists major companies, business associations, trade unions
	// and media organisations (same format as Organisations, with names
	// that need context marked "~").
	//
	//go:embed actors/companies.tsv
	Companies string

	// Leaders lists heads of state and government with their offices, as of
	// the date in the file.
	//
	//go:embed actors/leaders.tsv
	Leaders string

	// DiscoveryDE and DiscoveryEN hold the role words, verbs of saying,
	// organisation patterns and stop words that discovery uses.
	//
	//go:embed actors/discovery-de.txt
	DiscoveryDE string
	//go:embed actors/discovery-en.txt
	DiscoveryEN string

	// GivenNames lists common given names, evidence for a person's name.
	//
	//go:embed actors/given-names.txt
	GivenNames string
)
