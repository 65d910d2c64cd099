package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uintptr(0)

// attachConsole lets the commands print on Windows. The packaged
// Dramatis.exe is a GUI program (-H windowsgui: no console window opens
// when it starts from the Start menu), so it starts without standard
// streams; run from cmd or PowerShell, it borrows their console for the
// streams that were not redirected. Started from Explorer there is no
// console to borrow and nothing changes.
func attachConsole() {
	out, errOut, in := validStd(windows.STD_OUTPUT_HANDLE), validStd(windows.STD_ERROR_HANDLE), validStd(windows.STD_INPUT_HANDLE)
	if out && errOut && in {
		return // a console build, or every stream redirected
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return
	}
	if !out {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errOut {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
	if !in {
		if f, err := os.Open("CONIN$"); err == nil {
			os.Stdin = f
		}
	}
}

// validStd reports whether the standard stream which (STD_*_HANDLE) is open.
func validStd(which uint32) bool {
	h, err := windows.GetStdHandle(which)
	return err == nil && h != 0 && h != windows.InvalidHandle
}
