package article

import (
	"strings"
	"testing"
)

// para is a paragraph of article text of about n words.
func para(topic string, n int) string {
	var b strings.Builder
	b.WriteString("The " + topic + " report")
	for b.Len() < 6*n {
		b.WriteString(", and the council said the plans for the " + topic + " would be debated again next week")
	}
	return b.String() + "."
}

// copyCase is a page copy and what cleaning it must give: its title
// (unless title is ""), and a text that holds each of keep and none of
// drop.
type copyCase struct {
	name, copy, title string
	keep, drop        []string
}

// check cleans the copy as the file source and checks what it gave.
func (c copyCase) check(t *testing.T, source string) {
	t.Helper()
	a, err := CleanText([]byte(c.copy), source)
	if err != nil {
		t.Fatal(err)
	}
	if c.title != "" && a.Title != c.title {
		t.Errorf("title %q, want %q", a.Title, c.title)
	}
	text := a.Text()
	for _, k := range c.keep {
		if !strings.Contains(text, k) {
			t.Errorf("lost %q:\n%s", k, text)
		}
	}
	for _, d := range c.drop {
		if strings.Contains(text, d) {
			t.Errorf("kept %q:\n%s", d, text)
		}
	}
}

// TestCopyBodyEnds checks the rules that end the body of a page copy:
// text beyond a long stretch of page chrome, calls to act and an author's
// bio under a name card go; the article's own last paragraphs stay.
func TestCopyBodyEnds(t *testing.T) {
	article := "Headline of the article\n\n" + para("harbour", 80) + "\n\n" + para("bridge", 70) + "\n\n" + para("tunnel", 60)
	artikel := "Schlagzeile des Artikels\n\n" + strings.Repeat("Der Stadtrat hat am Dienstag über die Pläne für den neuen Hafen beraten, und die Entscheidung soll in der nächsten Woche fallen. ", 5) +
		"\n\n" + strings.Repeat("Die Bürger der Stadt können ihre Einwände bis zum Ende des Monats schriftlich bei der Verwaltung einreichen, heißt es. ", 5)
	footer := "\n\nShare\nTweet\nEmail\nPrint\nSave\nCopy link\nComment\nShare this\nSave article\nShare on Facebook\n\n"
	cases := []copyCase{
		{
			name: "island after the footer",
			copy: article + footer + "Our city portal brings you the news of the region every day, from the harbour to the hills and from the markets to the town hall, and we have done so for forty years.",
			keep: []string{"tunnel report"},
			drop: []string{"Our city portal"},
		},
		{
			name: "the rest of a long article after a gallery",
			copy: article + footer + para("school", 80) + "\n\n" + para("library", 80) + "\n\n" + para("stadium", 80),
			keep: []string{"tunnel report", "stadium report"},
		},
		{
			name: "newsletter box",
			copy: article + "\n\nNewsletter\n\nGet the best stories of the week delivered to your inbox every Friday morning.",
			keep: []string{"tunnel report"},
			drop: []string{"delivered to your inbox"},
		},
		{
			name: "German donation box",
			copy: "Schlagzeile des Artikels\n\n" + strings.Repeat("Der Stadtrat hat am Dienstag über die Pläne für den neuen Hafen beraten, und die Entscheidung soll in der nächsten Woche fallen. ", 5) +
				"\n\n" + strings.Repeat("Die Bürger der Stadt können ihre Einwände bis zum Ende des Monats schriftlich bei der Verwaltung einreichen, heißt es. ", 5) +
				"\n\nWir sind spendenfinanziert. Unterstütze uns mit einem Dauerauftrag!",
			keep: []string{"Einwände"},
			drop: []string{"spendenfinanziert"},
		},
		{
			name: "author bio under a name card",
			copy: article + "\n\nShare\n\nInga Buller\n\nInga Buller is head of social at the paper and writes about consumer tech and kitchen gadgets.",
			keep: []string{"tunnel report"},
			drop: []string{"head of social", "Inga Buller"},
		},
		{
			name: "author bio outweighing a paywalled lead",
			copy: "Opinion\n\nJo Roe\n\nCouncil approves the new harbour plan after a year of debate\n\n" +
				"The council approved the new harbour plan on Tuesday, after a year of debate about its cost, its size and the ferry terminal it moves.\n\n" +
				"Jo Roe\n+ Follow\n\nPublished: 10:00am, 20 Jan, 2020\n\nWhy you can trust us\n\nLink Copied\nPost\n\nRead full article\n\nJo Roe\n\n+ Follow\n\n" +
				"Jo Roe fell down the rabbit hole of city politics aged twelve, when she ran her first campaign at school. She has covered the town hall for two decades, and she writes a weekly column on planning, transport and the port.",
			keep: []string{"ferry terminal it moves"},
			drop: []string{"rabbit hole"},
		},
		{
			name: "a caption the lead opens with is no name card",
			copy: "Press secretary leaves the studio after ten years\n\nBy Ian Mohr\n\nEnlarge Image\nDee Dee Myers\n\n" +
				"Dee Dee Myers, once the press secretary of the president, is leaving her role as head of communications at the studio after ten years.\n\n" + para("studio", 60),
			keep: []string{"once the press secretary", "studio report"},
		},
		{
			name: "a comment form closes the post",
			copy: "Headline of the post\n\n" + para("harbour", 40) + "\n\nPost navigation\n« Older post\nNewer post »\n\nLeave a Reply\n\nName *\nE-Mail *\n\nPartners\nShop\nDeals\nGift cards\n\n" +
				para("insurance", 60) + "\n\nCompare\nSave\n\n" + para("electricity", 60),
			keep: []string{"harbour report"},
			drop: []string{"insurance report", "electricity report"},
		},
		{
			name: "a one-word marker in the header's menu closes nothing",
			copy: "Home\nBlog\nKontakt\n\nWir sind ein kleiner Verlag aus Hamburg, der seit zwanzig Jahren Bücher über die Stadt, ihren Hafen und ihre Menschen macht, und wir schreiben hier jede Woche über unsere neuen Bücher und die Lesungen in der Stadt.\n\nImpressum\n\n" + artikel,
			keep: []string{"Einwände"},
		},
		{
			name: "comment thread heading",
			copy: article + "\n\n11 responses to “Headline of the article”\n\n" + para("ferry", 60),
			keep: []string{"tunnel report"},
			drop: []string{"ferry report", "responses to"},
		},
		{
			name: "German comment thread heading",
			copy: artikel + "\n\n5 Gedanken zu „Schlagzeile“\n\n" + strings.Repeat("Ich finde die Entscheidung des Stadtrats richtig, aber sie kommt viel zu spät für uns. ", 4),
			keep: []string{"Einwände"},
			drop: []string{"viel zu spät", "Gedanken zu"},
		},
		{
			name: "comment opened by its author's name over a date",
			copy: article + "\n\nArt Edwards says:\nJuly 11, 2011 at 12:25 pm\n\n" + para("ferry", 60),
			keep: []string{"tunnel report"},
			drop: []string{"ferry report", "Art Edwards"},
		},
		{
			name: "German comment opened by its author's name over a date",
			copy: artikel + "\n\nPetra Schmidt sagt:\n12. März 2021 um 10:15 Uhr\n\n" + strings.Repeat("Ich finde die Entscheidung des Stadtrats richtig, aber sie kommt viel zu spät für uns. ", 4),
			keep: []string{"Einwände"},
			drop: []string{"viel zu spät", "Petra Schmidt"},
		},
		{
			name: "a quote line without a date opens no comments",
			copy: article + "\n\nThe mayor says:\n\n" + para("ferry", 60),
			keep: []string{"tunnel report", "ferry report"},
		},
		{
			name: "a citation's access date is no teaser's date",
			copy: article + "\n\nReferences\n\n^ Billington, Alex (2010-08-31). \"Watch the trailer of the film about the day that repeats itself for the hero\"\n. Empire. Retrieved 2018-07-09.\n^ Kirk, John. \"A review of the film about the heist that went wrong in every possible way\"\n. Film Weekly. Retrieved 2019-01-12.\n\n" + para("ferry", 60),
			keep: []string{"tunnel report", "Film Weekly", "ferry report"},
		},
		{
			name: "a heading sharing the first word is no name card",
			copy: article + "\n\nOur Programs\n\nOur work spans a variety of different areas and partners working to create a more vibrant commons.",
			keep: []string{"tunnel report", "Our work spans"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, "copy.txt") })
	}
}

// TestCopyCJKLineSentences: a Chinese blog writes a sentence a line,
// without "。", each line set off by blank lines; its sidebar lists other
// posts' titles, as long, line under line. The lines standing alone are
// the article.
func TestCopyCJKLineSentences(t *testing.T) {
	menu := "首頁\n部落格\n旅遊\n美食\n\n"
	teasers := "[新竹新埔一日遊]新竹觀光旅遊景點柿餅加工廠金漢觀光果園\n『台灣』新竹六福村主題樂園一日遊好玩又好吃\n新竹一日遊世博館交通教學與停車資訊全攻略\n【新竹親子飯店】煙波大飯店新竹湖濱館從入住一直玩到退房\n\n"
	var body strings.Builder
	for _, l := range []string{
		"一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣",
		"玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後不久即抵達來到玉峰國小",
		"美樹如其名偌大楓香樹早已呈現金黃 泛紅色彩也是愛攝人仕所喜愛造訪之地",
		"第二次造訪美樹發現到營區變了 印象中以前生冷招牌換成了原木招牌可謂匠心獨運",
		"燻黑原木加上金黃色醒目字體 加上了貓頭鷹原木創作也充分發揮了裝飾藝術功力",
		"營區內除了露營民宿餐飲賞楓項目多了許多原木飾品更有畫龍點睛加乘效果",
	} {
		body.WriteString(l + "\n\n")
	}
	a, err := CleanText([]byte(menu+teasers+body.String()+"上一篇文章與下一篇文章\n"), "blog.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text()
	if !strings.Contains(text, "玉峰道路一路上") || !strings.Contains(text, "裝飾藝術功力") {
		t.Errorf("lost the article:\n%s", text)
	}
	if strings.Contains(text, "六福村") {
		t.Errorf("kept the sidebar's titles:\n%s", text)
	}
}

// TestCopyTypedList: a list the author typed with markers ("+ Added
// Banners", "* Tweaked the debug screen") is the article's, however short
// its items.
func TestCopyTypedList(t *testing.T) {
	in := "Home\nNews\nBlog\n\nVersion 1.8 - The Bountiful Update\n\n" + para("release", 60) + "\n\n+ Added Slime Block\n+ Added Iron Trapdoor\n+ Added Banners\n+ Added Armor Stands\n+ Added Red Sandstone\n* Tweaked the debug screen\n* Improved server list\n- Removed Herobrine\n\n" + para("update", 50) + "\n\nNewer\nOlder\n"
	a, err := CleanText([]byte(in), "changelog")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text()
	for _, item := range []string{"Iron Trapdoor", "Banners", "Removed Herobrine", "update report"} {
		if !strings.Contains(text, item) {
			t.Errorf("lost %q:\n%s", item, text)
		}
	}
}

// TestCopyTableOfFigures: a table's rows come with tabs between the cells;
// rows with figures are the article's data, a row of links is not.
func TestCopyTableOfFigures(t *testing.T) {
	rows := "Developer\tChangesets\tPct\nHerbert Dürr\t63\t16.6%\nJürgen Schmidt\t56\t14.7%\nArmin Le Grand\t56\t14.7%\nOliver-Rainer Wittmann\t46\t12.1%\nTsutomu Uchino\t33\t8.7%\nKay Schenk\t27\t7.1%\nPedro Giffuni\t23\t6.1%\nAndrea Pescetti\t14\t3.7%\n"
	in := "Kernel\tSecurity\tDistributions\tContact Us\n\nThe project's contributors\n\n" + para("release", 60) + "\n\n" + rows + "\n" + para("project", 60) + "\n"
	a, err := CleanText([]byte(in), "table")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text()
	for _, cell := range []string{"Herbert Dürr", "Tsutomu Uchino", "Andrea Pescetti", "project report"} {
		if !strings.Contains(text, cell) {
			t.Errorf("lost %q:\n%s", cell, text)
		}
	}
	for _, tc := range []struct {
		raw  string
		want bool
	}{
		{"Herbert Dürr\t63\t16.6%", true},
		{"Weekly edition\tKernel\tSecurity\tContact Us", false},
		{"Herbert Dürr 63 16.6%", false},
		{"2015\t", false},
	} {
		if got := tableRow(tc.raw); got != tc.want {
			t.Errorf("tableRow(%q) = %v, want %v", tc.raw, got, tc.want)
		}
	}
}

// TestCopyTableCells: a table of settings, each row a name and its
// description, then (after a tab) the cell of its values one a line. The
// values are the table's data, not a menu: the body runs over every row.
func TestCopyTableCells(t *testing.T) {
	var rows strings.Builder
	for _, topic := range []string{"speed", "camera", "volume", "language", "offside"} {
		rows.WriteString(topic + " setting\n\n" + para(topic, 12) + "\n\n\t\nDefault\nSlow\nNormal\nFast\nClassic\nDynamic\nBroadcast\n\n")
	}
	copy := "Home\nNews\nGuides\nPlayers\nFormations\n\nGame Settings\n\nOption\tValue\n\n" + rows.String() + "Related Posts\nCamera Settings\nDifficulty\n"
	a, err := CleanText([]byte(copy), "settings")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"speed report", "offside report"} {
		if !strings.Contains(a.Text(), k) {
			t.Errorf("lost %q:\n%s", k, a.Text())
		}
	}
	pc := newPageCopy(copy)
	w := pc.weights()
	for i, l := range pc.lines {
		if l.text == "Broadcast" && (!l.cell || w[i] != 0) {
			t.Errorf("line %d %q: cell %v, weight %d; want a cell's value weighing 0", i, l.text, l.cell, w[i])
		}
	}
}

// TestCopyCardsInsideArticle: headline-and-teaser pairs end the body when
// little follows them (related articles), but a run of captioned figures
// after which the article goes on at length is the article's.
func TestCopyCardsInsideArticle(t *testing.T) {
	var figures strings.Builder
	for _, code := range []string{"400", "500", "404", "502", "503"} {
		figures.WriteString("Anomaly in status code " + code + "\nThe chart marks the spike in status code " + code + " we found earlier.\n")
	}
	head := "Detecting anomalies with SQL\n\n" + para("alert", 90) + "\n\n" + para("query", 90) + "\n\n"
	var rest strings.Builder
	for _, topic := range []string{"median", "mean", "deviation", "threshold", "backtest", "window"} {
		rest.WriteString("\n\n" + para(topic, 60))
	}
	a, err := CleanText([]byte(head+figures.String()+rest.String()), "figures")
	if err != nil {
		t.Fatal(err)
	}
	if text := a.Text(); !strings.Contains(text, "window report") || !strings.Contains(text, "status code 503") {
		t.Errorf("lost the article after its figures:\n%s", text)
	}
	// The same cards at the end of the page are other articles.
	var cards strings.Builder
	for _, title := range []string{"How the harbour was rebuilt in a year", "Why the bridge closed again this week", "What the tunnel costs the city now", "Who pays for the new ferry line", "When the market moves to the square"} {
		cards.WriteString("\n\n" + title + "\n\nThe council and the port authority answer the questions readers asked us.")
	}
	a, err = CleanText([]byte(head+para("median", 60)+cards.String()), "cards")
	if err != nil {
		t.Fatal(err)
	}
	if text := a.Text(); strings.Contains(text, "new ferry line") {
		t.Errorf("kept the teaser cards:\n%s", text)
	}
}

// TestCopyListOfPoints: a list in one block whose items are written-out
// points ("Gijs made the toolbar start later in the startup window") is
// the article's, with short sub-headings among them; a menu's items are
// shorter.
func TestCopyListOfPoints(t *testing.T) {
	in := "Home\nNews\nAbout us\nContact\n\nThese weeks in the browser\n\n" + para("release", 60) + "\n\n" +
		"Performance\nGijs made the bookmarks toolbar start later in the startup window\nMike fixed a shutdown hang caused by the start page cache\nDoug has some fixes and polish for the skeleton user interface\nPicture-in-Picture\nWe have the green light for another round of students hacking on the player\nFlorian has some new visualization variations up for the hang dashboard\n\n" +
		para("update", 50) + "\n\nPrivacy\nTerms\nCookies\n"
	a, err := CleanText([]byte(in), "points")
	if err != nil {
		t.Fatal(err)
	}
	text := a.Text()
	for _, item := range []string{"bookmarks toolbar", "shutdown hang", "green light", "update report"} {
		if !strings.Contains(text, item) {
			t.Errorf("lost %q:\n%s", item, text)
		}
	}
	if strings.Contains(text, "Cookies") {
		t.Errorf("kept the menu:\n%s", text)
	}
	// Three headlines of other articles under a heading the lists do not
	// know are a box of links, however long they are.
	box := "Home\nNews\n\nThe new player\n\n" + para("release", 60) + "\n\nArtículos Relacionados\nThis is the man who deleted the president's account on the network\nThe network shows a preview of its new tool for saving links\nThe network will show how many people talk about a single post\n\n" + para("update", 50) + "\n"
	a, err = CleanText([]byte(box), "box")
	if err != nil {
		t.Fatal(err)
	}
	if text := a.Text(); strings.Contains(text, "deleted the president") || !strings.Contains(text, "update report") {
		t.Errorf("kept the box of headlines or lost the text:\n%s", text)
	}
}

// TestCopyBodySkipsNotices checks that the body of a copy does not start
// at a notice the page gives the reader's software (a browser or
// JavaScript warning, a player's modal text, the consent line of a share
// button or a sign-up form) nor at a stock ticker above the headline:
// they read as prose, and without the rules the body opens with them and
// the headline below, past the body's lead or its first lines, is not a
// title candidate.
func TestCopyBodySkipsNotices(t *testing.T) {
	const headline, überschrift = "Council approves the new harbour plan", "Stadtrat beschließt den neuen Hafenplan"
	article := headline + "\n\n" + para("harbour", 80) + "\n\n" + para("bridge", 70)
	artikel := überschrift + "\n\n" + strings.Repeat("Der Stadtrat hat am Dienstag über die Pläne für den neuen Hafen beraten, und die Entscheidung soll in der nächsten Woche fallen. ", 5) +
		"\n\n" + strings.Repeat("Die Bürger der Stadt können ihre Einwände bis zum Ende des Monats schriftlich bei der Verwaltung einreichen, heißt es. ", 5)
	menu := "Home\nNews\nPolitics\nBusiness\nCulture\nSport\nTravel\nWeather\nVideo\nPodcasts\nOpinion\nArchive\n\n"
	menü := "Startseite\nNachrichten\nPolitik\nWirtschaft\nKultur\nSport\nReisen\nWetter\nVideo\nPodcasts\nMeinung\nArchiv\n\n"
	ticker := "ATX3078.02-0.24%ANDRITZ43.14-0.6%AT&S22.84-3.55%BAWAG GROUP42.48+1.29%CA IMMO31.95+0.16%DO & CO110.2-0.18%ERSTE GROUP33.99+0.71%EVN25.65±0%IMMOFINANZ19.04+0.21%LENZING94.6-1.2%OMV48.9+0.3%POST33.1-0.1%RAIFFEISEN18.2+2.1%VERBUND80.05-0.5%VIENNA INSURANCE25.3+0.4%VOESTALPINE30.1-0.9%WIENERBERGER28.7+0.2%"
	börse := "DAX15.432,10-0,24%MDAX27.101,55+0,6%SAP122,84-3,55%SIEMENS142,48+1,29%BASF45,95+0,16%BAYER50,20-0,18%ALLIANZ210,30+0,71%BMW95,65±0%MERCK160,04+0,21%RWE38,60-1,2%ADIDAS180,90+0,3%DEUTSCHE POST40,10-0,1%INFINEON33,20+2,1%VONOVIA25,05-0,5%HENKEL68,30+0,4%"
	cases := []struct {
		name, notice, title string
		en                  bool
	}{
		{"JavaScript required", "Javascript is required for proper functioning of these web pages. Without it the menus, the search, the comments and the pictures of this site will not work as they should.", headline, true},
		{"browser with limited support", "Thank you for visiting the paper. You are using a browser version with limited support for CSS. To obtain the best experience, we recommend you use a more up to date browser (or turn off compatibility mode in Internet Explorer). In the meantime, to ensure continued support, we are displaying the site without styles and JavaScript.", headline, true},
		{"player modal", "This is a modal window. This modal can be closed by pressing the Escape key or activating the close button. Beginning of dialog window. Escape will cancel and close the window.", headline, true},
		{"sign-up consent", "I would like to receive offers, and be contacted by, or on behalf of the paper through phone, SMS, and Email, about its brands, special offers and promotions.", headline, true},
		{"stock ticker", ticker + "\n" + ticker + "\n\n" + menu, headline, true},
		{"JavaScript einschalten", "Bitte schalten Sie Javascript ein, um das einwandfreie Funktionieren der Webseite zu gewährleisten. Ohne JavaScript funktionieren das Menü, die Suche, die Kommentare und die Bilder dieser Seite nicht so, wie sie sollen.", überschrift, false},
		{"Browser nicht unterstützt", "Der Browser wird leider nicht mehr unterstützt! Um die Website korrekt anzuzeigen, verwende bitte einen der folgenden Browser: Chrome, Firefox, Safari oder Edge. Mit diesem Browser könnte dein Einkaufserlebnis nicht zufriedenstellend sein.", überschrift, false},
		{"Einwilligung beim Teilen-Knopf", "Wenn Sie diesen Button anklicken, werden persönliche Daten an Facebook übertragen. Sind Sie damit einverstanden? Sie können Ihre Zustimmung jederzeit in den Einstellungen der Seite widerrufen.", überschrift, false},
		{"Abspieler", "Dies ist ein modales Fenster. Es kann mit der Escape-Taste oder durch einen Klick auf die Schaltfläche zum Schließen geschlossen werden. Das Dialogfenster beginnt hier und endet mit der Taste.", überschrift, false},
		{"Börsenticker", börse + "\n" + börse + "\n\n" + menü, überschrift, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := menü + c.notice + "\n\n" + artikel
			if c.en {
				text = menu + c.notice + "\n\n" + article
			}
			a, err := CleanText([]byte(text), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title {
				t.Errorf("title %q, want %q", a.Title, c.title)
			}
			if got := a.Text(); strings.Contains(got, c.notice[:20]) {
				t.Errorf("the notice is in the body:\n%s", got)
			}
		})
	}
}

// TestCopyBodySkipsPreamble checks that a bio, a blog's self-description
// or another article's teaser above the headline, parted from it by page
// chrome, does not open the body; and that an article's standfirst, lead
// or short text keeps its place when what follows the chrome is a
// caption, a heading after an ad box or a menu.
func TestCopyBodySkipsPreamble(t *testing.T) {
	const headline = "Council approves the new harbour plan"
	bio := "I created CodeTriage, a platform for contributing to open source, and I have helped over fifty thousand developers get started. I also maintain the web server and write about performance every week."
	teaser := "The city's other big project, the new library by the river, has been delayed again by a dispute over the contract, and the opening is now planned for next spring at the earliest."
	under := headline + "\n\n" + para("harbour", 80) + "\n\n" + para("bridge", 70) + "\n\n" + para("tunnel", 60)
	cases := []copyCase{
		{
			name:  "bio above a copyright line",
			copy:  "Home\nBlog\nTalks\n\n" + bio + "\n\n© Richard Roe\n\nPerformance\n\n" + under,
			title: headline, keep: []string{"harbour report"}, drop: []string{"CodeTriage"},
		},
		{
			name:  "teaser above a date",
			copy:  "Home\nNews\nSport\n\n" + teaser + "\n\nCity\n\n6. November 2023\n\n" + under,
			title: headline, keep: []string{"harbour report"}, drop: []string{"library by the river"},
		},
		{
			name:  "standfirst above a credit and a caption",
			copy:  "Home\nNews\nSport\n\n" + headline + "\n\n" + teaser + "\n\n© Getty Images\n\nThe harbour at dawn, seen from the new pier\n\n" + para("harbour", 80) + "\n\n" + para("bridge", 70),
			title: headline, keep: []string{"library by the river", "harbour report"},
		},
		{
			name:  "short text above a menu",
			copy:  "Home\nNews\nSport\n\n" + headline + "\n\n" + teaser + "\n\n" + teaser + "\n\n© Getty Images\n\nMore on the harbour\nHarbour by bike\nHarbour by boat\nHarbour tours\nHarbour cafés\nHarbour shops\nThe five best walks along the harbour\n\n" + para("walks", 80),
			title: headline, keep: []string{"library by the river"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, c.name) })
	}
}

// TestCopyBodySkipsToDatedHead: a shop's self-description, then its
// menus and cart (a long gap of chrome), then a dated news item; the item
// is the body, its headline the title. After an intro, a table of
// contents ends in a section heading, without a date: the intro stays.
func TestCopyBodySkipsToDatedHead(t *testing.T) {
	shop := "Our shop builds templates for online sellers, from the first sketch to the finished store, and our designers have worked with hundreds of small businesses across the country since we opened ten years ago.\n\n"
	var menu strings.Builder
	for _, item := range []string{"Home", "Register", "Forgot password", "Contact", "Plugins", "Other", "Templates", "References", "All categories", "Shop templates", "Plugins", "Other", "Templates", "References", "News"} {
		menu.WriteString(item + "\n")
	}
	head := "\nPrivacy update for the shop templates\n\nShop News\n\n22.06.2018 10:20\n\n"
	cases := []copyCase{
		{
			name:  "dated item after a shop's description",
			copy:  shop + shop + shop + menu.String() + head + para("privacy", 50) + "\n\n" + para("fonts", 50) + "\n\n" + para("logs", 50) + "\n\n" + para("licence", 50),
			title: "Privacy update for the shop templates",
			keep:  []string{"privacy report", "licence report"},
			drop:  []string{"Our shop builds"},
		},
		{
			name: "intro before a table of contents",
			copy: "Harbour of the city\n\n" + shop + shop + shop + menu.String() + "\nHistory of the harbour\n\n" + para("harbour", 50) + "\n\n" + para("fonts", 50) + "\n\n" + para("logs", 50) + "\n\n" + para("licence", 50),
			keep: []string{"Our shop builds", "licence report"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, c.name) })
	}
}

// TestCopyBodyBackToDatedHead: a video player's controls and settings,
// a line each, split an article; the part after them outweighs the part
// under the headline, and the body still starts at the headline.
func TestCopyBodyBackToDatedHead(t *testing.T) {
	var player strings.Builder
	player.WriteString("Play Video\nPlay\nMute\nCurrent Time 0:00\nDuration Time 0:00\nShare\nPlayback Rate\nChapters\nDescriptions\nSubtitles\nCaptions\nFullscreen\n\nThis is a modal window.\n\n")
	for range 4 {
		player.WriteString("Foreground\nWhite\nBlack\nRed\nGreen\nBlue\nYellow\nOpaque\nTransparent\n")
	}
	player.WriteString("Font Family\nDefault\nMonospace Serif\nProportional Serif\nCasual\nScript\nSmall Caps\nDefaults Done\nClose\n\n")
	copy := "News\nBusiness\n\nThe seven secrets that hotel owners keep\n\nHotel bosses spill the beans on cost cutting\n\nHazel Sheffield\nFriday 25 December 2015\n\n" +
		para("towels", 40) + "\n\n" + para("sheets", 40) + "\n\n" + para("blankets", 40) + "\n\n" + player.String() +
		para("peephole", 40) + "\n\n" + para("luggage", 40) + "\n\n" + para("prices", 40) + "\n\n" + para("rooms", 40)
	copyCase{copy: copy, title: "The seven secrets that hotel owners keep", keep: []string{"towels report", "rooms report"}}.check(t, "player")
}

// TestCopyBodyBackToDroppedDate: a short post under its headline and a
// date line that the phrase lists drop ("Published …"), then share
// buttons and a longer author's bio. The dropped line still dates the
// head: the body goes back to the post, whose headline is the title.
func TestCopyBodyBackToDroppedDate(t *testing.T) {
	copy := "Knowledge on Air\nOur mission: knowledge work made easy\nSearch\nMain menu\nSkip to content\nHome\nSubscribe\nImprint\nPost navigation\n← Previous\n" +
		"Live from the Knowledge Camp 2019\nPublished on 17 December 2019 by Simon Dueckert\n\n" + para("camp", 20) + "\n\n" +
		"Download: mp3\n\nShare with:\nMastodon\nFlattr\nPocket\nXing\nLike it:\nLike Loading …\n" +
		"About Simon Dueckert\n" + para("academy", 40) + "\n"
	a, err := CleanText([]byte(copy), "post")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Live from the Knowledge Camp 2019" {
		t.Errorf("title %q", a.Title)
	}
	if !strings.Contains(a.Text(), "camp report") {
		t.Errorf("lost the post:\n%s", a.Text())
	}
}

// TestCopyMenuPromos: a mega-menu holds long teasers of other articles
// between its links; the body is the article under the menu, headed by
// its headline, not a promo's island of text.
func TestCopyMenuPromos(t *testing.T) {
	promo := strings.Repeat("Naked dresses are perhaps the most impressive of all red carpet feats, and these stars wore them best over the years, from the Met Gala to the Oscars. ", 6)
	article := strings.Repeat("Coils to Locs makes wigs for Black women who lose their hair during cancer treatment, and its founder wants more options. ", 4)
	var b strings.Builder
	for _, section := range []string{"Celebrity", "Beauty", "Fashion"} {
		b.WriteString(section + "\nStreet Style\nLook of the Day\nFashion Week\nAwards and Events\nTV Shows\nMovies\nMusic\nSee all " + section + "\n" + promo + "\n")
	}
	b.WriteString("Video\nIn The Mag\nProfile Menu\nYour Account\nNewsletter\nHelp\nLogout\nGive a Gift Subscription\nSweepstakes\nFollow us\n")
	b.WriteString("\nBlack Women Battling Breast Cancer Deserve More Wig Options\n\nBy Kayla Greaves\nOct 13, 2020\n\n")
	for range 12 {
		b.WriteString(article + "\n\n")
	}
	copyCase{copy: b.String(), title: "Black Women Battling Breast Cancer Deserve More Wig Options", drop: []string{"Naked dresses"}}.check(t, "promos")
}
