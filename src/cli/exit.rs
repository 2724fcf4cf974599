//! Exit codes as a type: podman's conventions.

/// The process exit status of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit(i32);

impl Exit {
    pub const SUCCESS: Exit = Exit(0);
    /// A failure that is not skiff's own (e.g. `image exists` answering no).
    pub const FAILURE: Exit = Exit(1);
    /// podman's 2: what was to be removed is in use (`rmi` of an image a container uses).
    pub const IN_USE: Exit = Exit(2);
    /// skiff's own error.
    pub const SKIFF_ERROR: Exit = Exit(125);
    /// The command was found but cannot be executed.
    pub const CANNOT_EXECUTE: Exit = Exit(126);
    /// The command was not found.
    pub const NOT_FOUND: Exit = Exit(127);

    /// A container's (or wrapped command's) own status.
    pub fn from_status(code: i32) -> Exit {
        Exit(code & 0xff)
    }

    /// The status of a process killed by `signal` (128 + N).
    pub fn from_signal(signal: i32) -> Exit {
        Exit(128 + signal)
    }

    pub fn code(self) -> i32 {
        self.0
    }
}
