package cli

import "golang.org/x/sys/windows"

// lowerPriority puts this process in the below-normal priority class
// (the nearest Windows has to backgroundNice), unless it runs in that
// class or the idle one already: the Task Scheduler starts its tasks
// below normal, and a class it was started in below that is kept.
func lowerPriority() error {
	self := windows.CurrentProcess()
	class, err := windows.GetPriorityClass(self)
	if err != nil {
		return err
	}
	if class == windows.BELOW_NORMAL_PRIORITY_CLASS || class == windows.IDLE_PRIORITY_CLASS {
		return nil
	}
	return windows.SetPriorityClass(self, windows.BELOW_NORMAL_PRIORITY_CLASS)
}
