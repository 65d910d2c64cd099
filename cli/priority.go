package cli

// The priority of work nobody waits for. 'backup --auto [--compact]' is
// started behind the reader's back: by a command that changed the
// library, by the window as it closes, by a scheduler. At 50,000 articles
// a compaction reads and writes the whole 1.4 GB file and takes 10 s of
// CPU over 25 s; a reader who opens the window again meanwhile must not
// wait for it. So the process lowers itself (lowerPriority, one file per
// system) as it starts, however it was started, rather than its starter
// lowering it (which cron and the Task Scheduler would not do).

// backgroundNice is the nice value 'backup --auto' runs at, at least (one
// it was started with above it is kept): the default of nice(1). When the
// reader's window wants the CPU too, the scheduler gives a nice-10 thread
// about a tenth of a nice-0 thread's share; when nobody else does, all
// of it, so the work takes no longer on an idle machine.
const backgroundNice = 10
