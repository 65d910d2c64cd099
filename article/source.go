package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"strings"
)

// Load cleans the article of SOURCE: a file path, an http(s) URL, or "-"
// for stdin. HTML and plain text (a page copied from a browser) are told
// apart by their content, not by file names. Errors are one line and name
// the source; a source without article text gives an error wrapping
// ErrNoText ("no article text found in page.html").
func Load(ctx context.Context, source string, stdin io.Reader) (*Article, error) {
	return NewFetcher().Load(ctx, source, stdin)
}

// Load is the package-level Load with this fetcher's limits.
func (f *Fetcher) Load(ctx context.Context, source string, stdin io.Reader) (*Article, error) {
	switch {
	case source == "-":
		if stdin == nil {
			return nil, errors.New("no standard input to read from")
		}
		data, err := readLimited(stdin, f.maxBytes(), "standard input")
		if err != nil {
			return nil, err
		}
		return loadBytes(data, "standard input", "", "")
	case IsURL(source):
		page, err := f.fetch(ctx, source)
		if err != nil {
			return nil, err
		}
		return loadBytes(page.Data, shortSource(source), page.ContentType, page.URL)
	}
	file, err := openPageFile(source, f.maxBytes())
	if err != nil {
		return nil, err
	}
	defer file.Close()
	data, err := readLimited(file, f.maxBytes(), shortSource(source))
	if err != nil {
		return nil, err
	}
	return loadBytes(data, shortSource(source), "", "")
}

// openPageFile opens a page file for reading after checking that it is a
// regular file within limit: a directory, a named pipe, a device or a
// socket is refused with a message that says which (reading a pipe or a
// terminal would wait forever for a page that never comes). The file is
// opened without blocking and checked again once open, so a pipe put in
// its place meanwhile cannot hang the read either.
func openPageFile(path string, limit int64) (*os.File, error) {
	name := shortSource(path)
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", name)
	case err != nil:
		return nil, pathError(name, err)
	}
	if err := checkPageFile(name, info, limit); err != nil {
		return nil, err
	}
	file, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, pathError(name, err)
	}
	if info, err = file.Stat(); err == nil {
		err = checkPageFile(name, info, limit)
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// pathError names the file as name (shortened) instead of the whole path
// an *fs.PathError repeats.
func pathError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, pe.Err)
	}
	return err
}

// checkPageFile refuses anything but a regular file of at most limit bytes.
func checkPageFile(name string, info fs.FileInfo, limit int64) error {
	m := info.Mode()
	switch {
	case m.IsDir():
		return fmt.Errorf("%s is a directory, not a page", name)
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%s is a named pipe, not a page file (to read a page from a pipe, give - for standard input)", name)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("%s is a socket, not a page file", name)
	case m&fs.ModeDevice != 0:
		return fmt.Errorf("%s is a device, not a page file", name)
	case !m.IsRegular():
		return fmt.Errorf("%s is not a regular file (%v), not a page", name, m.Type())
	case info.Size() > limit:
		return fmt.Errorf("%s is %s, %w (limit %s)", name, SizeString(info.Size()), ErrTooLarge, SizeString(limit))
	}
	return nil
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return MaxPageBytes
}

// readLimited reads r up to limit bytes and fails beyond that, so that a
// huge stream cannot exhaust memory.
func readLimited(r io.Reader, limit int64, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %s, %w", name, SizeString(limit), ErrTooLarge)
	}
	return data, nil
}

// LoadBytes cleans data that came from somewhere other than Load (a paste
// or a drop in the GUI). name labels errors (and is the article's URL when
// it is one); contentType may be empty.
func LoadBytes(data []byte, name, contentType string) (*Article, error) {
	pageURL := ""
	if IsURL(name) {
		pageURL = name
	}
	return loadBytes(data, name, contentType, pageURL)
}

// loadBytes sniffs data and hands it to the HTML or the plain-text cleaner.
func loadBytes(data []byte, name, contentType, pageURL string) (*Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s is empty", name)
	}
	if len(data) > MaxPageBytes {
		return nil, fmt.Errorf("%s is %s, %w (limit %s)", name, SizeString(int64(len(data))), ErrTooLarge, SizeString(MaxPageBytes))
	}
	if decoded, ok := utf16WithoutBOM(data); ok {
		data, contentType = decoded, withUTF8Charset(contentType)
	}
	kind, err := sniff(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("%s is not a web page or text (%w)", name, err)
	}
	var a *Article
	if kind == "html" {
		a, err = CleanHTMLContentType(data, contentType, pageURL)
		switch {
		case errors.Is(err, ErrNoText):
			return nil, fmt.Errorf("%w in %s", ErrNoText, name)
		case err != nil:
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return a, nil
	}
	a, err = CleanText(data, name)
	if err != nil {
		return nil, err
	}
	if a.URL == "" && pageURL != "" {
		a.URL = pageURL
	}
	return a, nil
}

// withUTF8Charset returns contentType saying charset=utf-8, for data that
// was decoded before the cleaners see it.
func withUTF8Charset(contentType string) string {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || contentType == "" {
		return ""
	}
	params["charset"] = "utf-8"
	return mime.FormatMediaType(mt, params)
}

// sniff says whether data is "html" or "text"; anything else is an error
// that says what the data looks like ("looks like image/png").
func sniff(data []byte, contentType string) (string, error) {
	declared, _, _ := mime.ParseMediaType(contentType)
	detected, _, _ := mime.ParseMediaType(http.DetectContentType(data))
	switch {
	case declared == "text/html" || declared == "application/xhtml+xml":
		if !strings.HasPrefix(detected, "text/") && detected != "application/octet-stream" {
			break // a binary file served as HTML is still binary
		}
		return "html", nil
	}
	switch {
	case detected == "text/html" && !strayMarkup(data):
		return "html", nil
	case detected == "text/html":
		return "text", nil // a page copy that opens with a line of <noscript> markup
	case detected == "text/xml" || detected == "text/plain":
		if looksLikeHTML(data) {
			return "html", nil
		}
		if detected == "text/xml" {
			return "", fmt.Errorf("looks like %s", detected)
		}
		return "text", nil
	}
	return "", fmt.Errorf("looks like %s", detected)
}

// sniffBytes is how much of the data the markup tests read: the start of
// a page, or a few screens of a page copy.
const sniffBytes = 4096

// looksLikeHTML finds HTML markup near the start of data that
// http.DetectContentType missed (a comment or XML declaration first, an
// unusual first tag), unless it is a page copy's stray markup (see
// strayMarkup).
func looksLikeHTML(data []byte) bool {
	head := sniffHead(data)
	found := false
	for _, tag := range []string{"<html", "<!doctype html", "<body", "<head", "<article", "<div", "<p>", "<p ", "<h1"} {
		if bytes.Contains(head, []byte(tag)) {
			found = true
			break
		}
	}
	return found && !strayMarkup(data)
}

// strayMarkup reports data whose markup does not run through it: tags on
// at most half of its lines, with more than one line, and a first line
// that is not the start of a document (a doctype, <html>, <head>, <body>,
// a comment) nor of its head (<style>, <script>, <meta>, <link>, <title>:
// a page shows none of them as text). That is a page copy, not a page: a
// browser copies what a page shows without JavaScript (<noscript> ad tags,
// tracking pixels) as text, on a line of its own, first or among the
// others, and an article about the web may quote a page's source. An HTML
// file has its tags throughout, on one long line, or opens with a style
// sheet or a script of many lines.
func strayMarkup(data []byte) bool {
	head := sniffHead(data)
	first := bytes.TrimLeft(head, " \t\r\n\ufeff")
	for _, tag := range []string{"<!doctype", "<html", "<head", "<body", "<!--", "<?xml", "<style", "<script", "<meta", "<link", "<title"} {
		if bytes.HasPrefix(first, []byte(tag)) {
			return false
		}
	}
	lines, marked := 0, 0
	for line := range bytes.SplitSeq(head, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		lines++
		if bytes.IndexByte(line, '<') >= 0 {
			marked++
		}
	}
	return lines > 1 && 2*marked <= lines
}

// sniffHead returns the first sniffBytes of data in lower case, as UTF-8.
func sniffHead(data []byte) []byte {
	head := data[:min(len(data), 2*sniffBytes)]
	if bytes.HasPrefix(head, boms[1]) || bytes.HasPrefix(head, boms[2]) {
		head = toUTF8(head, "") // UTF-16 with a byte order mark: its tags have zero bytes between the letters
	}
	return bytes.ToLower(head[:min(len(head), sniffBytes)])
}
