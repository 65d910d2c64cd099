package assets

import _ "embed"

// DemoArticle is the article a first start shows, as article.Article JSON:
// the Atlantic Charter of 14 August 1941, a public-domain text (a work of
// the U.S. Government), as published by the Avalon Project at Yale Law
// School (https://avalon.law.yale.edu/wwii/atlantic.asp). It is short, names
// two leaders and two states, and so shows the main job at once.
//
//go:embed demo.json
var DemoArticle []byte
