//go:build windows

package clipboard

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows the clipboard is read through user32 and kernel32, called
// directly (golang.org/x/sys/windows loads them; it has no clipboard
// calls of its own): no cgo.

// openAttempts and openRetryDelay: OpenClipboard fails while another
// program has the clipboard open, which clipboard managers and the copying
// browser itself do for a few milliseconds at a time; ten tries 20 ms apart
// wait out such a moment, 0.2 s, well inside OwnerTimeout.
const (
	openAttempts   = 10
	openRetryDelay = 20 * time.Millisecond
)

// cfHTMLName is the registered clipboard format browsers put HTML in.
const cfHTMLName = "HTML Format"

// The system calls, loaded from System32 only (never a DLL beside the
// program) on first use.
var (
	user32                         = windows.NewLazySystemDLL("user32.dll")
	kernel32                       = windows.NewLazySystemDLL("kernel32.dll")
	procOpenClipboard              = user32.NewProc("OpenClipboard")
	procCloseClipboard             = user32.NewProc("CloseClipboard")
	procRegisterClipboardFormatW   = user32.NewProc("RegisterClipboardFormatW")
	procIsClipboardFormatAvailable = user32.NewProc("IsClipboardFormatAvailable")
	procGetClipboardData           = user32.NewProc("GetClipboardData")
	procGlobalLock                 = kernel32.NewProc("GlobalLock")
	procGlobalUnlock               = kernel32.NewProc("GlobalUnlock")
	procGlobalSize                 = kernel32.NewProc("GlobalSize")
)

// readHTML reads the clipboard's "HTML Format" and returns its HTML. The
// clipboard is opened by a thread, and must be closed by the same one, so
// the goroutine keeps its thread until it has closed it (HTML may have
// given up on it by then: GetClipboardData waits while an owner that
// renders on request renders). The data comes in one call, so there is no
// progress to report.
func readHTML(ctx context.Context, limit int, _ func()) ([]byte, string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	format, err := registerFormat()
	if err != nil {
		return nil, "", err
	}
	if r, _, _ := procIsClipboardFormatAvailable.Call(uintptr(format)); r == 0 {
		return nil, "", fmt.Errorf("%w: it holds no %s", ErrNoHTML, cfHTMLName)
	}
	if err := openClipboard(ctx); err != nil {
		return nil, "", err
	}
	defer procCloseClipboard.Call()
	data, err := clipboardData(format, limit+cfHTMLHeaderMax)
	if err != nil {
		return nil, "", err
	}
	html, source, err := parseCFHTML(data)
	if err == nil && len(html) > limit {
		return nil, "", tooLarge(len(html))
	}
	return html, source, err
}

// registerFormat returns the number of the "HTML Format" clipboard format,
// the same in every program of the session.
func registerFormat() (uint32, error) {
	name, err := windows.UTF16PtrFromString(cfHTMLName)
	if err != nil {
		return 0, err
	}
	format, _, callErr := procRegisterClipboardFormatW.Call(uintptr(unsafe.Pointer(name)))
	if format == 0 {
		return 0, fmt.Errorf("%w: Windows has no %s format (%v)", ErrUnsupported, cfHTMLName, callErr)
	}
	return uint32(format), nil
}

// openClipboard opens the clipboard, trying again while another program
// has it open, until openAttempts or ctx's end.
func openClipboard(ctx context.Context) error {
	var callErr error
	for range openAttempts {
		var r uintptr
		if r, _, callErr = procOpenClipboard.Call(0); r != 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return stopped(ctx)
		case <-time.After(openRetryDelay):
		}
	}
	return fmt.Errorf("the clipboard stayed busy: another program kept it open (%v)", callErr)
}

// clipboardData copies the open clipboard's data in format, refusing
// more than max bytes. The memory belongs to the clipboard: it is locked
// only to be copied.
func clipboardData(format uint32, max int) ([]byte, error) {
	h, _, callErr := procGetClipboardData.Call(uintptr(format))
	if h == 0 {
		return nil, fmt.Errorf("%w: its owner gave no %s (%v)", ErrNoHTML, cfHTMLName, callErr)
	}
	size, _, _ := procGlobalSize.Call(h)
	if size == 0 {
		return nil, fmt.Errorf("%w: its %s is empty", ErrNoHTML, cfHTMLName)
	}
	if size > uintptr(max) {
		return nil, tooLarge(int(min(size, uintptr(math.MaxInt))))
	}
	p, _, callErr := procGlobalLock.Call(h)
	if p == 0 {
		return nil, fmt.Errorf("could not read the clipboard's %s: %v", cfHTMLName, callErr)
	}
	defer procGlobalUnlock.Call(h)
	// The address is read as the pointer it is, rather than converted from
	// an integer, which vet cannot tell from a Go pointer kept as a number:
	// this memory is the clipboard's, outside Go's heap, and stays put while
	// locked.
	base := *(*unsafe.Pointer)(unsafe.Pointer(&p))
	return append([]byte(nil), unsafe.Slice((*byte)(base), size)...), nil
}
