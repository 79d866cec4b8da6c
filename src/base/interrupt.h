#pragma once

namespace smsdoc {

/// While alive, SIGINT, SIGTERM, SIGHUP and SIGPIPE only set a flag instead of ending the
/// process, so the writer can stop, remove its temporary folder and leave
/// the previous site in place. A second signal ends the process as usual
/// (the handler is one-shot), and a signal ignored on entry (nohup, `&` in
/// a script) stays ignored. Not nestable.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

/// The signal caught since the last guard was created, or 0.
int InterruptSignal();

/// For a command that runs until stopped (serve): while alive, SIGINT,
/// SIGTERM and SIGHUP set StopRequested() instead of ending the process,
/// so it can finish what it is doing and leave cleanly. An InterruptGuard
/// inside it (a build writing) takes the signals over and hands them back.
/// One-shot, and a signal ignored on entry stays ignored, as above.
class StopGuard {
 public:
  StopGuard();
  ~StopGuard();
  StopGuard(const StopGuard&) = delete;
  StopGuard& operator=(const StopGuard&) = delete;
};

/// Whether a StopGuard caught a signal.
bool StopRequested();

/// "SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE" or "a signal".
const char* SignalName(int signal);

}  // namespace smsdoc
