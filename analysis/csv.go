package analysis

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dramatis-app/dramatis/annotation"
)

// CSV files are RFC 4180: UTF-8, a header row, CRLF line ends, fields
// quoted where they hold a comma, a quote or a line break. Dates are ISO
// 8601. Column names are lower case so that R's read.csv keeps them as
// they are, except the columns Gephi's spreadsheet import recognises,
// spelt as its documentation spells them: Id, Label, Source, Target,
// Type and Weight.

// BOM is the byte order mark a CSV file may start with so that Excel
// reads it as UTF-8 (umlauts stay umlauts). R, Gephi and LibreOffice do
// not need it; the command line writes it on request (--bom).
const BOM = "\ufeff"

// csvWriter returns an RFC 4180 writer on w.
func csvWriter(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw
}

// writeTable writes a header and rows and reports the first error.
func writeTable(w io.Writer, header []string, rows func(emit func([]string) error) error) error {
	cw := csvWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := rows(cw.Write); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// isoTime writes a time as ISO 8601 with its zone, or "" when unknown.
func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// isoDate writes a day as ISO 8601, or "" when unknown.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// StatementColumns are the statement table's columns.
var StatementColumns = []string{"article_id", "title", "site", "url", "published", "date", "highlight_id", "quote",
	"actor_id", "actor", "kind", "role", "topic_id", "topic", "stance", "note", "orphaned"}

// WriteStatementsCSV writes one row per statement.
func WriteStatementsCSV(w io.Writer, rows []Row) error {
	return writeTable(w, StatementColumns, func(emit func([]string) error) error {
		for _, r := range rows {
			if err := emit([]string{r.ArticleID, r.Title, r.Site, r.URL, isoTime(r.Published), r.Date, r.Highlight,
				r.Quote, r.ActorID, r.Actor, r.Kind, r.Role, r.TopicID, r.Topic, r.Stance, r.Note, r.Orphaned}); err != nil {
				return err
			}
		}
		return nil
	})
}

// WriteNodesCSV writes n's nodes, one row each.
func WriteNodesCSV(w io.Writer, n *Network) error {
	header := append([]string{"Id", "Label", "type", "kind", "color", "statements", "highlights", "articles"}, annotation.StanceNames()...)
	return writeTable(w, header, func(emit func([]string) error) error {
		for _, nd := range n.Nodes {
			if err := emit([]string{nd.ID, nd.Label, string(nd.Type), nd.Kind, nd.Color, itoa(nd.Statements),
				itoa(nd.Highlights), itoa(nd.Articles), itoa(nd.Supports), itoa(nd.Opposes), itoa(nd.Neutral)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// WriteEdgesCSV writes n's edges, strongest first, with both ends' ids
// (for Gephi and igraph) and labels (for a person reading the table).
func WriteEdgesCSV(w io.Writer, n *Network) error {
	header := append([]string{"Source", "Target", "Type", "Weight", "count", "source_label", "target_label", "topics"}, annotation.StanceNames()...)
	typ := "Undirected"
	if n.Directed {
		typ = "Directed"
	}
	return writeTable(w, header, func(emit func([]string) error) error {
		for i := range n.Edges {
			e := &n.Edges[i]
			s, t := &n.Nodes[e.Source], &n.Nodes[e.Target]
			if err := emit([]string{s.ID, t.ID, typ, formatWeight(e.Weight), itoa(e.Count), s.Label, t.Label,
				strings.Join(n.topicNames(e), "; "), itoa(e.Supports), itoa(e.Opposes), itoa(e.Neutral)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// WriteTimelineCSV writes a timeline in long form, one row per series
// and period with zero counts included, as R's ggplot and a pivot table
// take it.
func WriteTimelineCSV(w io.Writer, tl *Timeline) error {
	group := string(tl.Group)
	header := []string{"period", "start", "end", group + "_id", group, "count"}
	return writeTable(w, header, func(emit func([]string) error) error {
		for _, s := range tl.Series {
			for i, start := range tl.Starts {
				end := tl.By.Next(start).AddDate(0, 0, -1)
				if err := emit([]string{tl.By.Label(start), isoDate(start), isoDate(end), s.ID, s.Label, itoa(s.Counts[i])}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// WriteFrequenciesCSV writes a frequency table (Frequencies' rows).
func WriteFrequenciesCSV(w io.Writer, fs []Frequency, group GroupBy) error {
	header := append([]string{"id", "name", "kind", "statements", "highlights", "articles"}, annotation.RoleNames()...)
	if group == ByTopic {
		header = []string{"id", "name", "parent", "statements", "highlights", "articles", "actors"}
	}
	header = append(append(header, annotation.StanceNames()...), "first", "last")
	return writeTable(w, header, func(emit func([]string) error) error {
		for _, f := range fs {
			row := []string{f.ID, f.Name, f.Kind, itoa(f.Statements), itoa(f.Highlights), itoa(f.Articles)}
			if group == ByTopic {
				row = append(row, itoa(f.Actors))
			} else {
				for _, r := range annotation.Roles {
					row = append(row, itoa(f.RoleCount(r)))
				}
			}
			row = append(row, itoa(f.Supports), itoa(f.Opposes), itoa(f.Neutral), isoDate(f.First), isoDate(f.Last))
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

func itoa(i int) string { return strconv.Itoa(i) }
