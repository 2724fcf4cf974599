# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_skiff_global_optspecs
    string join \n root= runroot= volumepath= log-level= D/debug cgroup-manager= storage-driver= runtime-flag= runtime= default-mounts-file= noout events-backend= h/help V/version
end

function __fish_skiff_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_skiff_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_skiff_using_subcommand
    set -l cmd (__fish_skiff_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c skiff -n "__fish_skiff_needs_command" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_needs_command" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_needs_command" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_needs_command" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_needs_command" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_needs_command" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_needs_command" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_needs_command" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_needs_command" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_needs_command" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_needs_command" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_needs_command" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_needs_command" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "info" -d 'Show what this host allows, the id mappings, helpers and storage paths'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "unshare" -d 'Run a command inside skiff\'s user namespace (default: your shell)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "version" -d 'Show version information'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "events" -d 'Show the events of containers, images, volumes, pods and networks'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "attach" -d 'Attach to a running container\'s output, input and terminal'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "create" -d 'Create a container without starting it (prints its id)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "start" -d 'Start created or stopped containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL after a timeout)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "kill" -d 'Send a signal to running containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "restart" -d 'Stop and start containers again'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "rename" -d 'Rename a container'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "ps" -d 'List containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "logs" -d 'Show the output of containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "cp" -d 'Copy files between the host and a container (or a tar stream with -)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "diff" -d 'Show what a container changed in its image (A added, C changed, D deleted)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "export" -d 'Write a container\'s root filesystem as a tar archive'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "import" -d 'Create an image from a root filesystem tarball'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "mount" -d 'Mount containers\' root filesystems and print where (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "unmount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "umount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "exec" -d 'Run a command in a running container'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "top" -d 'Show the processes running in a container'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "healthcheck" -d 'Run a container\'s healthcheck'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "port" -d 'List a container\'s published ports'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "stats" -d 'Show CPU, memory, pids, network and block I/O use of containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "build" -d 'Build an image from a Containerfile'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "buildx" -d 'Build images, as docker\'s buildx: build, prune'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "builder" -d 'Build images, as docker\'s buildx: build, prune'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "images" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "rmi" -d 'Remove images'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "inspect" -d 'Show details of containers or images'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "login" -d 'Log in to a registry (checks the credentials, then stores them)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "logout" -d 'Remove the stored credentials of a registry'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "container" -d 'Manage containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "image" -d 'Manage images'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "system" -d 'Manage skiff itself: disk usage, pruning unused data, resetting all state'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "volume" -d 'Manage volumes: create, ls, inspect, rm, prune, exists'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "secret" -d 'Manage secrets: create, ls, inspect, rm'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "network" -d 'Manage networks: create, ls, inspect, rm, prune, exists, connect, disconnect'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "generate" -d 'Generate systemd units for containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "quadlet" -d 'Turn Quadlet .container/.volume/.network files into systemd units (a user generator)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "pod" -d 'Manage pods: create, start, stop, restart, kill, rm, ps, inspect, exists, prune, top, logs'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "oci-run" -d 'Run an OCI bundle in the foreground with the built-in or an external runtime (for tests)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "supervisor" -d 'Supervise one container: its stdio, log, attach socket, signals and exit (internal)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "oci-start" -d 'Start an OCI bundle under a detached supervisor, then attach or print its pid (for tests)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "container-cleanup" -d 'Record a container\'s exit, unmount it and remove it with --rm (run by the supervisor)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "rootless-netns" -d 'Hold the rootless network namespace of user-defined networks while containers use it (internal)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "fuse-overlay-serve" -d 'Serve a container\'s fuse-overlay root filesystem until it is unmounted (internal)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Host.Kernel}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand info" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand info" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand info" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand info" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand info" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand info" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand info" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand info" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Client.Version}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand version" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand version" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand version" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand version" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand events" -s f -l filter -d 'Show only events matching KEY=VALUE (container, event/status, image, label, pod, type, volume, network; the same key repeated: any of them)' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -l format -d 'Print each event with a Go template, or `json`' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -l since -d 'Show events since this time (RFC 3339, date, Unix time, or a duration before now)' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -l until -d 'Show events until this time (as --since)' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -l stream -d 'Keep printing new events until interrupted (--stream=false: print the past and exit)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand events" -l no-trunc -d 'Do not shorten ids (the default; --no-trunc=false: 12 hex digits)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand events" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand events" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand events" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand events" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand events" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand events" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand events" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand events" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand events" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand events" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand events" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated characters and ctrl-<a-z|@|[|\\|]|^|_>; "" disables detaching' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s a -l attach -d 'Attach to these streams only: stdin, stdout, stderr (repeatable or comma-separated; default: stdout and stderr, and stdin with -i). Without stdout and stderr, the container\'s id is printed' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l preserve-fds -d 'Pass descriptors 3 to 3+N-1 on to the container (with the built-in runtime)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l name -d 'Name the container (default: a random adjective_noun)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to take this environment\'s value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s u -l user -d 'Run as USER[:GROUP] (name or number)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint (a command, or a JSON array; "" clears it)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l pull -d 'Pull the image: missing, always or never' -r -f -a "missing\t'Pull only when the image is not in local storage'
always\t'Always pull'
never\t'Never pull; fail when the image is not in local storage'"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -s v -l volume -d 'Bind mount a host path or mount a volume: [HOST-PATH|VOLUME:]CONTAINER-PATH[:OPTIONS]; a source starting with / or . is a host path, else a volume name (created if missing); no source: a new anonymous volume. Options: ro, rw, U (chown to the container user), O (overlay, writes discarded), z, Z (ignored: no SELinux), nocopy, [r]bind, [r]private/[r]shared/[r]slave, [no]suid, [no]dev, [no]exec' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l mount -d 'Attach a filesystem: type=bind|volume|tmpfs,src=SOURCE,dst=DEST and options: ro, bind-propagation=P, bind-nonrecursive, U, volume-nocopy, tmpfs-size=N, tmpfs-mode=M' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l volumes-from -d 'Mount the volumes and bind mounts of another container (running or not) at the same destinations; options: ro, rw (override the mode), z (ignored). An explicit -v, --mount or --tmpfs on the same destination wins' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cap-add -d 'Add a capability (CAP_NET_RAW, net_raw, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cap-drop -d 'Drop a capability (CAP_CHOWN, chown, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l security-opt -d 'Security options: no-new-privileges[=true|false], seccomp=unconfined, seccomp=PROFILE.json, label=disable; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l ulimit -d 'Set a resource limit, NAME=SOFT[:HARD] (nofile=1024:2048; -1 means unlimited); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l init-path -d 'The init binary for --init (default: catatonit when installed, else skiff\'s own init)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l read-only-tmpfs -d 'With --read-only, mount writable tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l tmpfs -d 'Mount a tmpfs, PATH[:OPTIONS] (/run:size=64m,mode=1777); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s h -l hostname -d 'Set the container\'s hostname (default: the first 12 characters of its id)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s l -l label -d 'Add a label, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l label-file -d 'Read labels from a file of KEY=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l env-file -d 'Read environment variables from a file of KEY=VALUE lines (-e values come after and win); repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l env-host -d 'Pass this environment\'s variables into the container (env files and -e come after and win; default: containers.conf\'s env_host)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l annotation -d 'Add an annotation to the container\'s OCI spec, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l stop-signal -d 'The signal `stop` sends first (default SIGTERM)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l stop-timeout -d 'Seconds `stop` waits after the stop signal before it kills the container (default 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l runtime -d 'Run the container with this OCI runtime: crun, runc or a path (default: skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l network -d 'Network mode: pasta (default when installed), slirp4netns, none (only lo), host, container:NAME (share another container\'s network namespace), bridge (the default network podman) or a network\'s name (repeat for several networks)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l network-alias -d 'Another name of the container on its networks (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l ip -d 'The container\'s IPv4 address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l mac-address -d 'The container\'s MAC address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s p -l publish -d 'Publish a container port on the host: [[IP:][HOSTPORT]:]CONTAINERPORT[/tcp|udp]; ranges such as 8000-8010:80-90; no HOSTPORT picks a free one (see `skiff port`)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf (default: the host\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l dns-option -d 'Option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l add-host -d 'Add NAME:IP to the container\'s /etc/hosts (IP may be host-gateway)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l pod -d 'Run the container in a pod (name or id), or in a new pod with new:NAME; it shares the pod\'s network, ipc and uts namespaces' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, in either case) into the container, as podman does; --http-proxy=false does not' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX_RETRIES], always, unless-stopped (the supervisor restarts it, waiting 100 ms doubling up to 10 s; not after stop, kill or rm)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l health-cmd -d 'Healthcheck command, run in the container by its supervisor (a shell command, or a JSON array such as \'["CMD", "curl", "-f", "http://localhost/"]\'; "none" disables the image\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l health-interval -d 'Time between healthchecks, e.g. 30s, 1m (default 30s; "disable": only `healthcheck run` probes)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l health-start-period -d 'Time after the start during which failures do not count (default 0s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l health-timeout -d 'Time a healthcheck may take before it counts as failed (default 30s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l health-on-failure -d 'What the supervisor does when the container becomes unhealthy: none, kill, restart, stop' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l sdnotify -d 'How to use $NOTIFY_SOCKET: container (pass the container\'s READY etc. on), conmon (the supervisor sends READY=1 once the container runs), ignore' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l userns -d 'User namespace: host, private, keep-id[:uid=U,gid=G] (run as your own uid, added to /etc/passwd), nomap (your uid is not mapped), auto[:size=N] (a range of your subordinate ids no other auto container uses); default: containers.conf\'s userns' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l uidmap -d 'Map container ids to your ids, CONTAINER:HOST:SIZE (HOST counts in the rootless namespace: 0 is you, 1 your first subordinate id); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l gidmap -d 'Like --uidmap, for group ids (default: the --uidmap values)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l subuidname -d 'Map the subordinate uids of this user name from /etc/subuid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l subgidname -d 'Map the subordinate gids of this group name from /etc/subgid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l group-add -d 'Add a supplementary group (name or number; keep-groups keeps your own groups); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cidfile -d 'Write the container\'s id to FILE (refused when FILE exists)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l conmon-pidfile -d 'Write the pid of the container\'s supervisor (podman: conmon) to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l pidfile -d 'Write the pid of the container\'s first process to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l tz -d 'The container\'s time zone: a zoneinfo name (Europe/Berlin), or "local" for the host\'s (default: containers.conf tz, else UTC)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l log-driver -d 'Where the container\'s output goes: k8s-file (json-file is an alias), none, passthrough (default: containers.conf log_driver, else k8s-file)' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l log-opt -d 'A log option: max-size=SIZE (the log is truncated beyond), tag=TAG, path=FILE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l timeout -d 'Kill the container after this many seconds (0: never); it then exits with -1, as in podman' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l hostuser -d 'Add the host\'s user NAME or UID to the container\'s /etc/passwd; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l unsetenv -d 'Remove KEY from the default, image and generated environment; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s m -l memory -d 'Memory limit (e.g. 512m, 2g); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l memory-reservation -d 'Memory soft limit; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l memory-swap -d 'Memory plus swap limit (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l memory-swappiness -d 'Swappiness, 0 to 100; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cpus -d 'Number of CPUs (e.g. 1.5); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s c -l cpu-shares -d 'CPU shares (relative weight); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cpu-period -d 'CPU CFS period in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cpu-quota -d 'CPU CFS quota in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cpuset-cpus -d 'CPUs to run on (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cpuset-mems -d 'Memory nodes to use (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l pids-limit -d 'Limit on the number of processes (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l blkio-weight -d 'Block IO weight, 10 to 1000; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l secret -d 'Give the container a secret: NAME[,type=mount|env][,target=PATH|VAR][,uid=0][,gid=0][,mode=OCTAL] (mount: a read-only file, /run/secrets/NAME by default; env: a variable); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l kernel-memory -d 'No longer supported by the kernel: accepted with a warning and ignored, as podman does' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l systemd -d 'Run systemd as the container\'s init: true (when the command is systemd or /sbin/init), false, or always; it gets tmpfs on /run, /run/lock, /tmp and /var/log/journal, a writable cgroup, container=podman and container_uuid, and SIGRTMIN+3 as stop signal' -r -f -a "true\t''
false\t''
always\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand run" -s d -l detach -d 'Run the container in the background and print its id'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l rmi -d 'Remove the image once the container is removed, unless another container uses it'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s t -l tty -d 'Give the container a pseudo-terminal (stdin, stdout and stderr; TERM=xterm unless set)'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l replace -d 'With --name: remove an existing container of that name first, stopping it if it runs'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l init -d 'Run an init as pid 1 that relays signals and reaps zombies'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s P -l publish-all -d 'Publish every port the image EXPOSEs on a free host port'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l no-healthcheck -d 'Disable any healthcheck, the image\'s included'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l unsetenv-all -d 'Start from an empty environment: only the -e and --env-file values (and HOME, HOSTNAME)'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated characters and ctrl-<a-z|@|[|\\|]|^|_>; "" disables detaching' -r
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l no-stdin -d 'Do not attach stdin'
complete -c skiff -n "__fish_skiff_using_subcommand attach" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand attach" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand attach" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l name -d 'Name the container (default: a random adjective_noun)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to take this environment\'s value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s u -l user -d 'Run as USER[:GROUP] (name or number)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint (a command, or a JSON array; "" clears it)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l pull -d 'Pull the image: missing, always or never' -r -f -a "missing\t'Pull only when the image is not in local storage'
always\t'Always pull'
never\t'Never pull; fail when the image is not in local storage'"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -s v -l volume -d 'Bind mount a host path or mount a volume: [HOST-PATH|VOLUME:]CONTAINER-PATH[:OPTIONS]; a source starting with / or . is a host path, else a volume name (created if missing); no source: a new anonymous volume. Options: ro, rw, U (chown to the container user), O (overlay, writes discarded), z, Z (ignored: no SELinux), nocopy, [r]bind, [r]private/[r]shared/[r]slave, [no]suid, [no]dev, [no]exec' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l mount -d 'Attach a filesystem: type=bind|volume|tmpfs,src=SOURCE,dst=DEST and options: ro, bind-propagation=P, bind-nonrecursive, U, volume-nocopy, tmpfs-size=N, tmpfs-mode=M' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l volumes-from -d 'Mount the volumes and bind mounts of another container (running or not) at the same destinations; options: ro, rw (override the mode), z (ignored). An explicit -v, --mount or --tmpfs on the same destination wins' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cap-add -d 'Add a capability (CAP_NET_RAW, net_raw, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cap-drop -d 'Drop a capability (CAP_CHOWN, chown, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l security-opt -d 'Security options: no-new-privileges[=true|false], seccomp=unconfined, seccomp=PROFILE.json, label=disable; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l ulimit -d 'Set a resource limit, NAME=SOFT[:HARD] (nofile=1024:2048; -1 means unlimited); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l init-path -d 'The init binary for --init (default: catatonit when installed, else skiff\'s own init)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l read-only-tmpfs -d 'With --read-only, mount writable tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l tmpfs -d 'Mount a tmpfs, PATH[:OPTIONS] (/run:size=64m,mode=1777); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s h -l hostname -d 'Set the container\'s hostname (default: the first 12 characters of its id)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s l -l label -d 'Add a label, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l label-file -d 'Read labels from a file of KEY=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l env-file -d 'Read environment variables from a file of KEY=VALUE lines (-e values come after and win); repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l env-host -d 'Pass this environment\'s variables into the container (env files and -e come after and win; default: containers.conf\'s env_host)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l annotation -d 'Add an annotation to the container\'s OCI spec, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l stop-signal -d 'The signal `stop` sends first (default SIGTERM)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l stop-timeout -d 'Seconds `stop` waits after the stop signal before it kills the container (default 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l runtime -d 'Run the container with this OCI runtime: crun, runc or a path (default: skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l network -d 'Network mode: pasta (default when installed), slirp4netns, none (only lo), host, container:NAME (share another container\'s network namespace), bridge (the default network podman) or a network\'s name (repeat for several networks)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l network-alias -d 'Another name of the container on its networks (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l ip -d 'The container\'s IPv4 address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l mac-address -d 'The container\'s MAC address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s p -l publish -d 'Publish a container port on the host: [[IP:][HOSTPORT]:]CONTAINERPORT[/tcp|udp]; ranges such as 8000-8010:80-90; no HOSTPORT picks a free one (see `skiff port`)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf (default: the host\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l dns-option -d 'Option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l add-host -d 'Add NAME:IP to the container\'s /etc/hosts (IP may be host-gateway)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l pod -d 'Run the container in a pod (name or id), or in a new pod with new:NAME; it shares the pod\'s network, ipc and uts namespaces' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, in either case) into the container, as podman does; --http-proxy=false does not' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX_RETRIES], always, unless-stopped (the supervisor restarts it, waiting 100 ms doubling up to 10 s; not after stop, kill or rm)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l health-cmd -d 'Healthcheck command, run in the container by its supervisor (a shell command, or a JSON array such as \'["CMD", "curl", "-f", "http://localhost/"]\'; "none" disables the image\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l health-interval -d 'Time between healthchecks, e.g. 30s, 1m (default 30s; "disable": only `healthcheck run` probes)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l health-start-period -d 'Time after the start during which failures do not count (default 0s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l health-timeout -d 'Time a healthcheck may take before it counts as failed (default 30s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l health-on-failure -d 'What the supervisor does when the container becomes unhealthy: none, kill, restart, stop' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l sdnotify -d 'How to use $NOTIFY_SOCKET: container (pass the container\'s READY etc. on), conmon (the supervisor sends READY=1 once the container runs), ignore' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l userns -d 'User namespace: host, private, keep-id[:uid=U,gid=G] (run as your own uid, added to /etc/passwd), nomap (your uid is not mapped), auto[:size=N] (a range of your subordinate ids no other auto container uses); default: containers.conf\'s userns' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l uidmap -d 'Map container ids to your ids, CONTAINER:HOST:SIZE (HOST counts in the rootless namespace: 0 is you, 1 your first subordinate id); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l gidmap -d 'Like --uidmap, for group ids (default: the --uidmap values)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l subuidname -d 'Map the subordinate uids of this user name from /etc/subuid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l subgidname -d 'Map the subordinate gids of this group name from /etc/subgid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l group-add -d 'Add a supplementary group (name or number; keep-groups keeps your own groups); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cidfile -d 'Write the container\'s id to FILE (refused when FILE exists)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l conmon-pidfile -d 'Write the pid of the container\'s supervisor (podman: conmon) to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l pidfile -d 'Write the pid of the container\'s first process to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l tz -d 'The container\'s time zone: a zoneinfo name (Europe/Berlin), or "local" for the host\'s (default: containers.conf tz, else UTC)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l log-driver -d 'Where the container\'s output goes: k8s-file (json-file is an alias), none, passthrough (default: containers.conf log_driver, else k8s-file)' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l log-opt -d 'A log option: max-size=SIZE (the log is truncated beyond), tag=TAG, path=FILE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l timeout -d 'Kill the container after this many seconds (0: never); it then exits with -1, as in podman' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l hostuser -d 'Add the host\'s user NAME or UID to the container\'s /etc/passwd; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l unsetenv -d 'Remove KEY from the default, image and generated environment; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s m -l memory -d 'Memory limit (e.g. 512m, 2g); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l memory-reservation -d 'Memory soft limit; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l memory-swap -d 'Memory plus swap limit (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l memory-swappiness -d 'Swappiness, 0 to 100; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cpus -d 'Number of CPUs (e.g. 1.5); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -s c -l cpu-shares -d 'CPU shares (relative weight); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cpu-period -d 'CPU CFS period in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cpu-quota -d 'CPU CFS quota in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cpuset-cpus -d 'CPUs to run on (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cpuset-mems -d 'Memory nodes to use (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l pids-limit -d 'Limit on the number of processes (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l blkio-weight -d 'Block IO weight, 10 to 1000; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l secret -d 'Give the container a secret: NAME[,type=mount|env][,target=PATH|VAR][,uid=0][,gid=0][,mode=OCTAL] (mount: a read-only file, /run/secrets/NAME by default; env: a variable); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l kernel-memory -d 'No longer supported by the kernel: accepted with a warning and ignored, as podman does' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l systemd -d 'Run systemd as the container\'s init: true (when the command is systemd or /sbin/init), false, or always; it gets tmpfs on /run, /run/lock, /tmp and /var/log/journal, a writable cgroup, container=podman and container_uuid, and SIGRTMIN+3 as stop signal' -r -f -a "true\t''
false\t''
always\t''"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand create" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand create" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c skiff -n "__fish_skiff_using_subcommand create" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand create" -s t -l tty -d 'Give the container a pseudo-terminal (stdin, stdout and stderr; TERM=xterm unless set)'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l replace -d 'With --name: remove an existing container of that name first, stopping it if it runs'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l init -d 'Run an init as pid 1 that relays signals and reaps zombies'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c skiff -n "__fish_skiff_using_subcommand create" -s P -l publish-all -d 'Publish every port the image EXPOSEs on a free host port'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l no-healthcheck -d 'Disable any healthcheck, the image\'s included'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l unsetenv-all -d 'Start from an empty environment: only the -e and --env-file values (and HOME, HOSTNAME)'
complete -c skiff -n "__fish_skiff_using_subcommand create" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand create" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand create" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand start" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated characters and ctrl-<a-z|@|[|\\|]|^|_>; "" disables detaching' -r
complete -c skiff -n "__fish_skiff_using_subcommand start" -l filter -d 'With --all, start only matching containers: restart-policy=POLICY (no, on-failure, always, unless-stopped), name=NAME, id=PREFIX' -r
complete -c skiff -n "__fish_skiff_using_subcommand start" -l sdnotify -d 'Change how the container uses $NOTIFY_SOCKET from this start on: container, conmon, ignore (see run --sdnotify)' -r
complete -c skiff -n "__fish_skiff_using_subcommand start" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand start" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand start" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand start" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand start" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand start" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand start" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand start" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand start" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand start" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand start" -s a -l attach -d 'Attach to the container\'s output and exit with its exit code'
complete -c skiff -n "__fish_skiff_using_subcommand start" -s i -l interactive -d 'With --attach, forward stdin to the container (it must have been created with -i)'
complete -c skiff -n "__fish_skiff_using_subcommand start" -l all -d 'Start every container that is not running (e.g. at boot, from a user unit)'
complete -c skiff -n "__fish_skiff_using_subcommand start" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand start" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand start" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand stop" -s t -l time -l timeout -d 'Seconds to wait after the stop signal before killing the container (default: the container\'s --stop-timeout, else 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand stop" -s a -l all -d 'Stop all running containers'
complete -c skiff -n "__fish_skiff_using_subcommand stop" -s i -l ignore -d 'Containers that do not exist are not an error'
complete -c skiff -n "__fish_skiff_using_subcommand stop" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand stop" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand stop" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand kill" -s s -l signal -d 'The signal: a name (KILL, SIGTERM, hup) or a number' -r
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand kill" -s a -l all -d 'Signal all running containers'
complete -c skiff -n "__fish_skiff_using_subcommand kill" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand kill" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand kill" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand restart" -s t -l time -d 'Seconds to wait after the stop signal before killing (default: --stop-timeout, else 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand restart" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand restart" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand restart" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand wait" -s i -l interval -d 'How often to check, in milliseconds' -r
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand wait" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand wait" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand wait" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand rename" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand rename" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand rename" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l format -d 'Output format: json, or a Go template such as {{.ID}} {{.Names}} ("table ..." adds a header)' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s f -l filter -d 'Show only matching containers: status=, name= (a regex), label=KEY[=VALUE], id= (a prefix), ancestor= (an image), exited=CODE, health=healthy|unhealthy|starting|none, before= and since= (a container), volume=NAME; one key given twice matches either value, different keys must all match' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s n -l last -d 'Show the N most recently created containers, in any state' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status (created: oldest first)' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s q -l quiet -d 'Print only the container ids'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s l -l latest -d 'Show the most recently created container, in any state'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s s -l size -d 'Show the size of each container\'s writes, and with its image\'s (virtual)'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s p -l pod -d 'Show the pod of each container (POD ID and PODNAME columns)'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l external -d 'Also show containers other tools made in the store: skiff\'s builds leave none, so this lists the same containers'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s t -l time -d 'With --force, seconds to wait after the stop signal before killing (default: the container\'s stop timeout, 10 s, as podman)' -r
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s f -l force -d 'Stop and remove running containers; containers that do not exist are ignored'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s a -l all -d 'Remove all containers'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s v -l volumes -d 'Remove the containers\' anonymous volumes too'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s i -l ignore -d 'Containers that do not exist are not an error'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s l -l latest -d 'Remove the most recently created container'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l depend -d 'Also remove the containers that depend on these (a pod\'s infra container: the pod)'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l tail -d 'Print only the last N lines' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l since -d 'Only output written at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a Unix timestamp, or a duration before now (10m, 1h30m)' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l until -d 'Only output written before this time (same forms as --since)' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s f -l follow -d 'Keep printing new output until the container exits'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s t -l timestamps -d 'Prefix each line with the time it was written'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand cp" -s a -l archive -d 'Give copied files the container\'s user and group (the default, as podman); with --archive=false they keep the owners in the source' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l pause -d 'Accepted for podman\'s scripts: skiff copies without pausing the container (as podman\'s --pause=false)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand cp" -s L -l follow-link -d 'Follow a symlink given as SRC (its target is copied, not the link)'
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l overwrite -d 'Replace directories by non-directories and the reverse'
complete -c skiff -n "__fish_skiff_using_subcommand cp" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand cp" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand cp" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l format -d 'Print as json ({"added": [...], "changed": [...], "deleted": [...]}) or as a Go template' -r
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand diff" -s l -l latest -d 'The most recently created container'
complete -c skiff -n "__fish_skiff_using_subcommand diff" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand diff" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand diff" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s a -l author -d 'The author of the image' -r
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s m -l message -d 'The commit message (the history comment of the new layer)' -r
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s p -l pause -d 'Accepted for podman compatibility: the container is not paused while committing' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s q -l quiet -d 'Print nothing but the image id (the default prints only that too)'
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand commit" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand commit" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand export" -s o -l output -d 'Write the tar to FILE (default: stdout, which must not be a terminal)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand export" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand export" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand export" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand export" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand export" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand export" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand export" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand export" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand export" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand export" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand export" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand export" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand export" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand import" -s m -l message -d 'The history comment of the new layer' -r
complete -c skiff -n "__fish_skiff_using_subcommand import" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand import" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand import" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand import" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand import" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand import" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand import" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand import" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand import" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand import" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand import" -s q -l quiet -d 'Print only the image id (it is all that is printed anyway)'
complete -c skiff -n "__fish_skiff_using_subcommand import" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand import" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand import" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l format -d 'Print the containers mounted in this session as json' -r -f -a "json\t''"
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l no-trunc -d 'Print full container ids when listing the mounted containers'
complete -c skiff -n "__fish_skiff_using_subcommand mount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand mount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand mount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand mount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -s a -l all -d 'Unmount every mounted container'
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -s f -l force -d 'Unmount even if mounted more than once'
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand unmount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand umount" -s a -l all -d 'Unmount every mounted container'
complete -c skiff -n "__fish_skiff_using_subcommand umount" -s f -l force -d 'Unmount even if mounted more than once'
complete -c skiff -n "__fish_skiff_using_subcommand umount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand umount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand umount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand umount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to take this environment\'s value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines; # comments)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s u -l user -d 'Run as USER[:GROUP] (name or number, from the container\'s /etc/passwd and /etc/group)' -r
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container (default: the container\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s i -l interactive -d 'Keep stdin open and forward it to the process'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s t -l tty -d 'Give the process a pseudo-terminal'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s d -l detach -d 'Run the process in the background and print nothing'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand exec" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand top" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand top" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand top" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand top" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand top" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand top" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand top" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand top" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand top" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand top" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand top" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand top" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand top" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run a container\'s healthcheck now: exit 0 when healthy, 1 when unhealthy'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a container\'s healthcheck now: exit 0 when healthy, 1 when unhealthy'
complete -c skiff -n "__fish_skiff_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand port" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand port" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand port" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand port" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand port" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand port" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand port" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand port" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand port" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand port" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand port" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand port" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand port" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -s i -l interval -d 'Seconds between reports (and, with --no-stream, over which CPU use is measured: 1 s when not given)' -r
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l format -d 'Output format: json (with the source of each figure), or a Go template such as {{.Name}} {{.CPUPerc}} {{.MemUsage}} ("table ..." adds a header)' -r
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand stats" -s a -l all -d 'Show all containers (stopped ones with no figures); default: the running ones'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l no-stream -d 'Print one report and exit, instead of one every interval'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l no-reset -d 'Do not clear the terminal between reports'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand stats" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand build" -s t -l tag -d 'Name the image (repeatable); unqualified names go under localhost/' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -s f -l file -d 'The Containerfile (default: CONTEXT/Containerfile, else CONTEXT/Dockerfile; - reads stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l target -d 'Build up to this stage (a name given with FROM ... AS NAME)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l build-arg -d 'Set a build argument (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l build-arg-file -d 'Read build arguments from a file of NAME=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l layers -d 'Use and record cached layers (default: $BUILDAH_LAYERS, else true)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l pull -d 'Pull base images: missing (default), always (also --pull alone), never' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l label -d 'Add a label to the image (NAME=VALUE); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l format -d 'The image format: oci (default) or docker (keeps HEALTHCHECK, SHELL and ONBUILD)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l jobs -d 'How many stages that do not need each other may build at once (0: no limit; default: the number of CPUs); their lines are printed stage by stage' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l ignorefile -d 'The ignore file (default: CONTEXT/.containerignore, else CONTEXT/.dockerignore)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l logfile -d 'Write the build\'s output (and that of RUN steps) to this file instead of the terminal' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l ulimit -d 'A resource limit of RUN steps (NAME=SOFT[:HARD], e.g. nofile=1024:2048); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l security-opt -d 'seccomp=unconfined or seccomp=PROFILE.json for RUN steps (label=... is accepted and ignored)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l runtime -d 'The OCI runtime of RUN steps: builtin (default), or crun, runc or a path (default: containers.conf\'s [engine] runtime)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l dns -d 'A DNS server for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l dns-search -d 'A DNS search domain for RUN steps\' /etc/resolv.conf (replaces the host\'s; . for none); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l dns-option -d 'A DNS option for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l env -d 'Set an environment variable in the image (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l unsetenv -d 'Remove an environment variable from the image; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l skip-unused-stages -d 'Skip the stages the target does not need (default true; false builds every stage up to the target)' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l network -d 'The network of RUN steps: host (default) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l timestamp -d 'Set the created time of the image and its history, and clamp file times, to this (seconds since the epoch; default: $SOURCE_DATE_EPOCH, else now): the same input gives the same image' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand build" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand build" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand build" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand build" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand build" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand build" -l no-cache -d 'Do not use cached layers: run every step'
complete -c skiff -n "__fish_skiff_using_subcommand build" -l pull-never -d 'Never pull base images (as --pull=never)'
complete -c skiff -n "__fish_skiff_using_subcommand build" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand build" -l squash -d 'Squash the layers this build makes into one (the base image\'s layers stay)'
complete -c skiff -n "__fish_skiff_using_subcommand build" -l squash-all -d 'Squash every layer, the base image\'s too, into one'
complete -c skiff -n "__fish_skiff_using_subcommand build" -l load -d 'Keep the image in local storage (what build always does; docker buildx\'s flag)'
complete -c skiff -n "__fish_skiff_using_subcommand build" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand build" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand build" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -f -a "build" -d 'Build an image from a Containerfile (as `skiff build`; `--load` is accepted)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -f -a "prune" -d 'Remove images without a name (with -a: all images), as `skiff image prune`'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and not __fish_seen_subcommand_from build prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable); unqualified names go under localhost/' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile (default: CONTEXT/Containerfile, else CONTEXT/Dockerfile; - reads stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l target -d 'Build up to this stage (a name given with FROM ... AS NAME)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg -d 'Set a build argument (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build arguments from a file of NAME=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l layers -d 'Use and record cached layers (default: $BUILDAH_LAYERS, else true)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: missing (default), always (also --pull alone), never' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l label -d 'Add a label to the image (NAME=VALUE); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l format -d 'The image format: oci (default) or docker (keeps HEALTHCHECK, SHELL and ONBUILD)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l jobs -d 'How many stages that do not need each other may build at once (0: no limit; default: the number of CPUs); their lines are printed stage by stage' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file (default: CONTEXT/.containerignore, else CONTEXT/.dockerignore)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (and that of RUN steps) to this file instead of the terminal' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l ulimit -d 'A resource limit of RUN steps (NAME=SOFT[:HARD], e.g. nofile=1024:2048); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l security-opt -d 'seccomp=unconfined or seccomp=PROFILE.json for RUN steps (label=... is accepted and ignored)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runtime -d 'The OCI runtime of RUN steps: builtin (default), or crun, runc or a path (default: containers.conf\'s [engine] runtime)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l dns -d 'A DNS server for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l dns-search -d 'A DNS search domain for RUN steps\' /etc/resolv.conf (replaces the host\'s; . for none); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l dns-option -d 'A DNS option for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the image (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l unsetenv -d 'Remove an environment variable from the image; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Skip the stages the target does not need (default true; false builds every stage up to the target)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: host (default) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l timestamp -d 'Set the created time of the image and its history, and clamp file times, to this (seconds since the epoch; default: $SOURCE_DATE_EPOCH, else now): the same input gives the same image' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached layers: run every step'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull-never -d 'Never pull base images (as --pull=never)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers this build makes into one (the base image\'s layers stay)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash every layer, the base image\'s too, into one'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l load -d 'Keep the image in local storage (what build always does; docker buildx\'s flag)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images, not only those without a name'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build an image from a Containerfile (as `skiff build`; `--load` is accepted)'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove images without a name (with -a: all images), as `skiff image prune`'
complete -c skiff -n "__fish_skiff_using_subcommand buildx; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -f -a "build" -d 'Build an image from a Containerfile (as `skiff build`; `--load` is accepted)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -f -a "prune" -d 'Remove images without a name (with -a: all images), as `skiff image prune`'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and not __fish_seen_subcommand_from build prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable); unqualified names go under localhost/' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile (default: CONTEXT/Containerfile, else CONTEXT/Dockerfile; - reads stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l target -d 'Build up to this stage (a name given with FROM ... AS NAME)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-arg -d 'Set a build argument (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build arguments from a file of NAME=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l layers -d 'Use and record cached layers (default: $BUILDAH_LAYERS, else true)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: missing (default), always (also --pull alone), never' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l label -d 'Add a label to the image (NAME=VALUE); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l format -d 'The image format: oci (default) or docker (keeps HEALTHCHECK, SHELL and ONBUILD)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l jobs -d 'How many stages that do not need each other may build at once (0: no limit; default: the number of CPUs); their lines are printed stage by stage' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file (default: CONTEXT/.containerignore, else CONTEXT/.dockerignore)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (and that of RUN steps) to this file instead of the terminal' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l ulimit -d 'A resource limit of RUN steps (NAME=SOFT[:HARD], e.g. nofile=1024:2048); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l security-opt -d 'seccomp=unconfined or seccomp=PROFILE.json for RUN steps (label=... is accepted and ignored)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l runtime -d 'The OCI runtime of RUN steps: builtin (default), or crun, runc or a path (default: containers.conf\'s [engine] runtime)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l dns -d 'A DNS server for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l dns-search -d 'A DNS search domain for RUN steps\' /etc/resolv.conf (replaces the host\'s; . for none); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l dns-option -d 'A DNS option for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the image (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l unsetenv -d 'Remove an environment variable from the image; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Skip the stages the target does not need (default true; false builds every stage up to the target)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: host (default) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l timestamp -d 'Set the created time of the image and its history, and clamp file times, to this (seconds since the epoch; default: $SOURCE_DATE_EPOCH, else now): the same input gives the same image' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached layers: run every step'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l pull-never -d 'Never pull base images (as --pull=never)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers this build makes into one (the base image\'s layers stay)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash every layer, the base image\'s too, into one'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l load -d 'Keep the image in local storage (what build always does; docker buildx\'s flag)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images, not only those without a name'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build an image from a Containerfile (as `skiff build`; `--load` is accepted)'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove images without a name (with -a: all images), as `skiff image prune`'
complete -c skiff -n "__fish_skiff_using_subcommand builder; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l platform -d 'Choose OS/ARCH[/VARIANT] from a multi-platform image (default: this host)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l arch -d 'Use ARCH instead of this host\'s architecture' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l os -d 'Use OS instead of this host\'s operating system' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l variant -d 'Use VARIANT (e.g. v8 for arm64)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand images" -l sort -d 'Sort by created, id, repository, size or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c skiff -n "__fish_skiff_using_subcommand images" -s f -l filter -d 'Only images matching KEY=VALUE: after (or since), before, dangling, digest, id, label, reference, until; repeat to require several' -r
complete -c skiff -n "__fish_skiff_using_subcommand images" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand images" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand images" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand images" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand images" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand images" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand images" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand images" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand images" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand images" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand images" -s a -l all -d 'Show all images (skiff keeps no intermediate images, so this lists the same)'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s q -l quiet -d 'Print only the image ids'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l digests -d 'Show the manifest digests'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s f -l force -d 'Remove the image even when it has several names, and all of its names, and first the containers made from it (stopped first)'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s i -l ignore -d 'Images that do not exist are not an error'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand tag" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand tag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand untag" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand untag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s H -l human -d 'Print sizes and dates in machine-readable form' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l format -d 'Output format: json, or a Go template such as \'{{.CreatedBy}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand history" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand history" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand history" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand history" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand history" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand history" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand history" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand history" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s q -l quiet -d 'Print only the ids'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand history" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Id}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s k -l type -d 'Which kind of object to look for' -r -f -a "all\t'Containers, then images'
container\t'Only containers'
image\t'Only images'"
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s l -l latest -d 'Inspect the most recently created container'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s o -l output -d 'Write the archive to FILE (default: stdout)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c skiff -n "__fish_skiff_using_subcommand save" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand save" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand save" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand save" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand save" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand save" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand save" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s m -l multi-image-archive -d 'Save several images into one docker-archive, each with its own names (skiff always does; accepted for podman\'s scripts)'
complete -c skiff -n "__fish_skiff_using_subcommand save" -l uncompressed -d 'oci-archive: write the layers uncompressed'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand save" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s i -l input -d 'Read the archive from FILE, or download it from an http(s) URL (default: stdin)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand load" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand load" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand load" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand load" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand load" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand load" -s q -l quiet -d 'Print only the names of the loaded images'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand load" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand push" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand push" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -s f -l format -d 'Manifest format to push: oci, or docker (v2s2) (default: as stored)' -r
complete -c skiff -n "__fish_skiff_using_subcommand push" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand push" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand push" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand push" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand push" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand push" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand push" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand push" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand push" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand push" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s u -l username -d 'Username for the registry (prompted for when missing)' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -s p -l password -d 'Password for the registry (prompted for when missing; prefer --password-stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates when contacting the registry (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -l password-stdin -d 'Read the password from stdin'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand login" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "ls" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "ps" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "list" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "create" -d 'Create a container without starting it (prints its id)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "start" -d 'Start created or stopped containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL after a timeout)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "kill" -d 'Send a signal to running containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "restart" -d 'Stop and start containers again'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "logs" -d 'Show the output of containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "inspect" -d 'Show details of containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "rename" -d 'Rename a container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "prune" -d 'Remove all containers that are not running'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "attach" -d 'Attach to a running container\'s output, input and terminal'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "exec" -d 'Run a command in a running container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "top" -d 'Show the processes running in a container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "port" -d 'List a container\'s published ports'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "stats" -d 'Show CPU, memory, pids, network and block I/O use of containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "cp" -d 'Copy files between the host and a container (or a tar stream with -)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "diff" -d 'Show what a container changed in its image (A added, C changed, D deleted)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "export" -d 'Write a container\'s root filesystem as a tar archive'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "mount" -d 'Mount containers\' root filesystems and print where (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "unmount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "umount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_using_subcommand container; and not __fish_seen_subcommand_from ls ps list run create start stop kill restart rm logs inspect wait rename exists prune attach exec top port stats cp diff commit export mount unmount umount help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as {{.ID}} {{.Names}} ("table ..." adds a header)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only matching containers: status=, name= (a regex), label=KEY[=VALUE], id= (a prefix), ancestor= (an image), exited=CODE, health=healthy|unhealthy|starting|none, before= and since= (a container), volume=NAME; one key given twice matches either value, different keys must all match' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show the N most recently created containers, in any state' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status (created: oldest first)' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the container ids'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the most recently created container, in any state'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show the size of each container\'s writes, and with its image\'s (virtual)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'Show the pod of each container (POD ID and PODNAME columns)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l external -d 'Also show containers other tools made in the store: skiff\'s builds leave none, so this lists the same containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'Output format: json, or a Go template such as {{.ID}} {{.Names}} ("table ..." adds a header)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Show only matching containers: status=, name= (a regex), label=KEY[=VALUE], id= (a prefix), ancestor= (an image), exited=CODE, health=healthy|unhealthy|starting|none, before= and since= (a container), volume=NAME; one key given twice matches either value, different keys must all match' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Show the N most recently created containers, in any state' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status (created: oldest first)' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only the container ids'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the most recently created container, in any state'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Show the size of each container\'s writes, and with its image\'s (virtual)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s p -l pod -d 'Show the pod of each container (POD ID and PODNAME columns)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l external -d 'Also show containers other tools made in the store: skiff\'s builds leave none, so this lists the same containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as {{.ID}} {{.Names}} ("table ..." adds a header)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only matching containers: status=, name= (a regex), label=KEY[=VALUE], id= (a prefix), ancestor= (an image), exited=CODE, health=healthy|unhealthy|starting|none, before= and since= (a container), volume=NAME; one key given twice matches either value, different keys must all match' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show the N most recently created containers, in any state' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status (created: oldest first)' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the container ids'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the most recently created container, in any state'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show the size of each container\'s writes, and with its image\'s (virtual)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'Show the pod of each container (POD ID and PODNAME columns)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l external -d 'Also show containers other tools made in the store: skiff\'s builds leave none, so this lists the same containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated characters and ctrl-<a-z|@|[|\\|]|^|_>; "" disables detaching' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach to these streams only: stdin, stdout, stderr (repeatable or comma-separated; default: stdout and stderr, and stdin with -i). Without stdout and stderr, the container\'s id is printed' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Pass descriptors 3 to 3+N-1 on to the container (with the built-in runtime)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Name the container (default: a random adjective_noun)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to take this environment\'s value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'Run as USER[:GROUP] (name or number)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint (a command, or a JSON array; "" clears it)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull the image: missing, always or never' -r -f -a "missing\t'Pull only when the image is not in local storage'
always\t'Always pull'
never\t'Never pull; fail when the image is not in local storage'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount a host path or mount a volume: [HOST-PATH|VOLUME:]CONTAINER-PATH[:OPTIONS]; a source starting with / or . is a host path, else a volume name (created if missing); no source: a new anonymous volume. Options: ro, rw, U (chown to the container user), O (overlay, writes discarded), z, Z (ignored: no SELinux), nocopy, [r]bind, [r]private/[r]shared/[r]slave, [no]suid, [no]dev, [no]exec' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Attach a filesystem: type=bind|volume|tmpfs,src=SOURCE,dst=DEST and options: ro, bind-propagation=P, bind-nonrecursive, U, volume-nocopy, tmpfs-size=N, tmpfs-mode=M' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes and bind mounts of another container (running or not) at the same destinations; options: ro, rw (override the mode), z (ignored). An explicit -v, --mount or --tmpfs on the same destination wins' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add a capability (CAP_NET_RAW, net_raw, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop a capability (CAP_CHOWN, chown, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options: no-new-privileges[=true|false], seccomp=unconfined, seccomp=PROFILE.json, label=disable; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Set a resource limit, NAME=SOFT[:HARD] (nofile=1024:2048; -1 means unlimited); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l init-path -d 'The init binary for --init (default: catatonit when installed, else skiff\'s own init)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only-tmpfs -d 'With --read-only, mount writable tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs, PATH[:OPTIONS] (/run:size=64m,mode=1777); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l hostname -d 'Set the container\'s hostname (default: the first 12 characters of its id)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Add a label, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l label-file -d 'Read labels from a file of KEY=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file of KEY=VALUE lines (-e values come after and win); repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'Pass this environment\'s variables into the container (env files and -e come after and win; default: containers.conf\'s env_host)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation to the container\'s OCI spec, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'The signal `stop` sends first (default SIGTERM)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds `stop` waits after the stop signal before it kills the container (default 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime -d 'Run the container with this OCI runtime: crun, runc or a path (default: skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Network mode: pasta (default when installed), slirp4netns, none (only lo), host, container:NAME (share another container\'s network namespace), bridge (the default network podman) or a network\'s name (repeat for several networks)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Another name of the container on its networks (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'The container\'s IPv4 address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'The container\'s MAC address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container port on the host: [[IP:][HOSTPORT]:]CONTAINERPORT[/tcp|udp]; ranges such as 8000-8010:80-90; no HOSTPORT picks a free one (see `skiff port`)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf (default: the host\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'Option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add NAME:IP to the container\'s /etc/hosts (IP may be host-gateway)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run the container in a pod (name or id), or in a new pod with new:NAME; it shares the pod\'s network, ipc and uts namespaces' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, in either case) into the container, as podman does; --http-proxy=false does not' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX_RETRIES], always, unless-stopped (the supervisor restarts it, waiting 100 ms doubling up to 10 s; not after stop, kill or rm)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Healthcheck command, run in the container by its supervisor (a shell command, or a JSON array such as \'["CMD", "curl", "-f", "http://localhost/"]\'; "none" disables the image\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between healthchecks, e.g. 30s, 1m (default 30s; "disable": only `healthcheck run` probes)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Time after the start during which failures do not count (default 0s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Time a healthcheck may take before it counts as failed (default 30s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l health-on-failure -d 'What the supervisor does when the container becomes unhealthy: none, kill, restart, stop' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l sdnotify -d 'How to use $NOTIFY_SOCKET: container (pass the container\'s READY etc. on), conmon (the supervisor sends READY=1 once the container runs), ignore' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: host, private, keep-id[:uid=U,gid=G] (run as your own uid, added to /etc/passwd), nomap (your uid is not mapped), auto[:size=N] (a range of your subordinate ids no other auto container uses); default: containers.conf\'s userns' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'Map container ids to your ids, CONTAINER:HOST:SIZE (HOST counts in the rootless namespace: 0 is you, 1 your first subordinate id); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'Like --uidmap, for group ids (default: the --uidmap values)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l subuidname -d 'Map the subordinate uids of this user name from /etc/subuid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l subgidname -d 'Map the subordinate gids of this group name from /etc/subgid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add a supplementary group (name or number; keep-groups keeps your own groups); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container\'s id to FILE (refused when FILE exists)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l conmon-pidfile -d 'Write the pid of the container\'s supervisor (podman: conmon) to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l pidfile -d 'Write the pid of the container\'s first process to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'The container\'s time zone: a zoneinfo name (Europe/Berlin), or "local" for the host\'s (default: containers.conf tz, else UTC)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Where the container\'s output goes: k8s-file (json-file is an alias), none, passthrough (default: containers.conf log_driver, else k8s-file)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'A log option: max-size=SIZE (the log is truncated beyond), tag=TAG, path=FILE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Kill the container after this many seconds (0: never); it then exits with -1, as in podman' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l hostuser -d 'Add the host\'s user NAME or UID to the container\'s /etc/passwd; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv -d 'Remove KEY from the default, image and generated environment; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (e.g. 512m, 2g); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-reservation -d 'Memory soft limit; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Memory plus swap limit (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swappiness -d 'Swappiness, 0 to 100; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs (e.g. 1.5); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'CPU shares (relative weight); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-period -d 'CPU CFS period in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-quota -d 'CPU CFS quota in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-cpus -d 'CPUs to run on (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-mems -d 'Memory nodes to use (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Limit on the number of processes (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight -d 'Block IO weight, 10 to 1000; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l secret -d 'Give the container a secret: NAME[,type=mount|env][,target=PATH|VAR][,uid=0][,gid=0][,mode=OCTAL] (mount: a read-only file, /run/secrets/NAME by default; env: a variable); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l kernel-memory -d 'No longer supported by the kernel: accepted with a warning and ignored, as podman does' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l systemd -d 'Run systemd as the container\'s init: true (when the command is systemd or /sbin/init), false, or always; it gets tmpfs on /run, /run/lock, /tmp and /var/log/journal, a writable cgroup, container=podman and container_uuid, and SIGRTMIN+3 as stop signal' -r -f -a "true\t''
false\t''
always\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run the container in the background and print its id'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'Remove the image once the container is removed, unless another container uses it'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Give the container a pseudo-terminal (stdin, stdout and stderr; TERM=xterm unless set)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'With --name: remove an existing container of that name first, stopping it if it runs'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run an init as pid 1 that relays signals and reaps zombies'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every port the image EXPOSEs on a free host port'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'Disable any healthcheck, the image\'s included'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv-all -d 'Start from an empty environment: only the -e and --env-file values (and HOME, HOSTNAME)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name the container (default: a random adjective_noun)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to take this environment\'s value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'Run as USER[:GROUP] (name or number)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint (a command, or a JSON array; "" clears it)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull the image: missing, always or never' -r -f -a "missing\t'Pull only when the image is not in local storage'
always\t'Always pull'
never\t'Never pull; fail when the image is not in local storage'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount a host path or mount a volume: [HOST-PATH|VOLUME:]CONTAINER-PATH[:OPTIONS]; a source starting with / or . is a host path, else a volume name (created if missing); no source: a new anonymous volume. Options: ro, rw, U (chown to the container user), O (overlay, writes discarded), z, Z (ignored: no SELinux), nocopy, [r]bind, [r]private/[r]shared/[r]slave, [no]suid, [no]dev, [no]exec' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Attach a filesystem: type=bind|volume|tmpfs,src=SOURCE,dst=DEST and options: ro, bind-propagation=P, bind-nonrecursive, U, volume-nocopy, tmpfs-size=N, tmpfs-mode=M' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes and bind mounts of another container (running or not) at the same destinations; options: ro, rw (override the mode), z (ignored). An explicit -v, --mount or --tmpfs on the same destination wins' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add a capability (CAP_NET_RAW, net_raw, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop a capability (CAP_CHOWN, chown, or ALL); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options: no-new-privileges[=true|false], seccomp=unconfined, seccomp=PROFILE.json, label=disable; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Set a resource limit, NAME=SOFT[:HARD] (nofile=1024:2048; -1 means unlimited); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l init-path -d 'The init binary for --init (default: catatonit when installed, else skiff\'s own init)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only-tmpfs -d 'With --read-only, mount writable tmpfs on /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs, PATH[:OPTIONS] (/run:size=64m,mode=1777); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Set the container\'s hostname (default: the first 12 characters of its id)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file of KEY=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file of KEY=VALUE lines (-e values come after and win); repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Pass this environment\'s variables into the container (env files and -e come after and win; default: containers.conf\'s env_host)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation to the container\'s OCI spec, KEY=VALUE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'The signal `stop` sends first (default SIGTERM)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds `stop` waits after the stop signal before it kills the container (default 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'Run the container with this OCI runtime: crun, runc or a path (default: skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Network mode: pasta (default when installed), slirp4netns, none (only lo), host, container:NAME (share another container\'s network namespace), bridge (the default network podman) or a network\'s name (repeat for several networks)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name of the container on its networks (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'The container\'s IPv4 address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'The container\'s MAC address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container port on the host: [[IP:][HOSTPORT]:]CONTAINERPORT[/tcp|udp]; ranges such as 8000-8010:80-90; no HOSTPORT picks a free one (see `skiff port`)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf (default: the host\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'Option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add NAME:IP to the container\'s /etc/hosts (IP may be host-gateway)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run the container in a pod (name or id), or in a new pod with new:NAME; it shares the pod\'s network, ipc and uts namespaces' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, in either case) into the container, as podman does; --http-proxy=false does not' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy when the container exits: no, on-failure[:MAX_RETRIES], always, unless-stopped (the supervisor restarts it, waiting 100 ms doubling up to 10 s; not after stop, kill or rm)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Healthcheck command, run in the container by its supervisor (a shell command, or a JSON array such as \'["CMD", "curl", "-f", "http://localhost/"]\'; "none" disables the image\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between healthchecks, e.g. 30s, 1m (default 30s; "disable": only `healthcheck run` probes)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time after the start during which failures do not count (default 0s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Time a healthcheck may take before it counts as failed (default 30s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'What the supervisor does when the container becomes unhealthy: none, kill, restart, stop' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'How to use $NOTIFY_SOCKET: container (pass the container\'s READY etc. on), conmon (the supervisor sends READY=1 once the container runs), ignore' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: host, private, keep-id[:uid=U,gid=G] (run as your own uid, added to /etc/passwd), nomap (your uid is not mapped), auto[:size=N] (a range of your subordinate ids no other auto container uses); default: containers.conf\'s userns' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'Map container ids to your ids, CONTAINER:HOST:SIZE (HOST counts in the rootless namespace: 0 is you, 1 your first subordinate id); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'Like --uidmap, for group ids (default: the --uidmap values)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l subuidname -d 'Map the subordinate uids of this user name from /etc/subuid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l subgidname -d 'Map the subordinate gids of this group name from /etc/subgid (rootless: your own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add a supplementary group (name or number; keep-groups keeps your own groups); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container\'s id to FILE (refused when FILE exists)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l conmon-pidfile -d 'Write the pid of the container\'s supervisor (podman: conmon) to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l pidfile -d 'Write the pid of the container\'s first process to FILE at each start' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'The container\'s time zone: a zoneinfo name (Europe/Berlin), or "local" for the host\'s (default: containers.conf tz, else UTC)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Where the container\'s output goes: k8s-file (json-file is an alias), none, passthrough (default: containers.conf log_driver, else k8s-file)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'A log option: max-size=SIZE (the log is truncated beyond), tag=TAG, path=FILE; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Kill the container after this many seconds (0: never); it then exits with -1, as in podman' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l hostuser -d 'Add the host\'s user NAME or UID to the container\'s /etc/passwd; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv -d 'Remove KEY from the default, image and generated environment; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (e.g. 512m, 2g); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swappiness -d 'Swappiness, 0 to 100; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs (e.g. 1.5); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares (relative weight); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'CPU CFS period in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'CPU CFS quota in microseconds; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs to run on (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes to use (0-3, 0,1); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Limit on the number of processes (-1: unlimited); not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO weight, 10 to 1000; not applied rootless without a delegated cgroup' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret: NAME[,type=mount|env][,target=PATH|VAR][,uid=0][,gid=0][,mode=OCTAL] (mount: a read-only file, /run/secrets/NAME by default; env: a variable); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l kernel-memory -d 'No longer supported by the kernel: accepted with a warning and ignored, as podman does' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'Run systemd as the container\'s init: true (when the command is systemd or /sbin/init), false, or always; it gets tmpfs on /run, /run/lock, /tmp and /var/log/journal, a writable cgroup, container=podman and container_uuid, and SIGRTMIN+3 as stop signal' -r -f -a "true\t''
false\t''
always\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Give the container a pseudo-terminal (stdin, stdout and stderr; TERM=xterm unless set)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'With --name: remove an existing container of that name first, stopping it if it runs'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print help'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run an init as pid 1 that relays signals and reaps zombies'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image EXPOSEs on a free host port'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'Disable any healthcheck, the image\'s included'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv-all -d 'Start from an empty environment: only the -e and --env-file values (and HOME, HOSTNAME)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated characters and ctrl-<a-z|@|[|\\|]|^|_>; "" disables detaching' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l filter -d 'With --all, start only matching containers: restart-policy=POLICY (no, on-failure, always, unless-stopped), name=NAME, id=PREFIX' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l sdnotify -d 'Change how the container uses $NOTIFY_SOCKET from this start on: container, conmon, ignore (see run --sdnotify)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach to the container\'s output and exit with its exit code'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'With --attach, forward stdin to the container (it must have been created with -i)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Start every container that is not running (e.g. at boot, from a user unit)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -l timeout -d 'Seconds to wait after the stop signal before killing the container (default: the container\'s --stop-timeout, else 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop all running containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Containers that do not exist are not an error'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal: a name (KILL, SIGTERM, hup) or a number' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Signal all running containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait after the stop signal before killing (default: --stop-timeout, else 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'With --force, seconds to wait after the stop signal before killing (default: the container\'s stop timeout, 10 s, as podman)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop and remove running containers; containers that do not exist are ignored'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove the containers\' anonymous volumes too'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Containers that do not exist are not an error'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Remove the most recently created container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Also remove the containers that depend on these (a pod\'s infra container: the pod)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l tail -d 'Print only the last N lines' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Only output written at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a Unix timestamp, or a duration before now (10m, 1h30m)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Only output written before this time (same forms as --since)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the container exits'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with the time it was written'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.State.Status}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Inspect the most recently created container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -s i -l interval -d 'How often to check, in milliseconds' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Keys that detach from the container, leaving it running: comma-separated characters and ctrl-<a-z|@|[|\\|]|^|_>; "" disables detaching' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not attach stdin'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to take this environment\'s value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines; # comments)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'Run as USER[:GROUP] (name or number, from the container\'s /etc/passwd and /etc/group)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container (default: the container\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep stdin open and forward it to the process'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Give the process a pseudo-terminal'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the process in the background and print nothing'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between reports (and, with --no-stream, over which CPU use is measured: 1 s when not given)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Output format: json (with the source of each figure), or a Go template such as {{.Name}} {{.CPUPerc}} {{.MemUsage}} ("table ..." adds a header)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show all containers (stopped ones with no figures); default: the running ones'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print one report and exit, instead of one every interval'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the terminal between reports'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Give copied files the container\'s user and group (the default, as podman); with --archive=false they keep the owners in the source' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l pause -d 'Accepted for podman\'s scripts: skiff copies without pausing the container (as podman\'s --pause=false)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -s L -l follow-link -d 'Follow a symlink given as SRC (its target is copied, not the link)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Replace directories by non-directories and the reverse'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from cp" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Print as json ({"added": [...], "changed": [...], "deleted": [...]}) or as a Go template' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -s l -l latest -d 'The most recently created container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'The author of the image' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'The commit message (the history comment of the new layer)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Accepted for podman compatibility: the container is not paused while committing' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print nothing but the image id (the default prints only that too)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from commit" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write the tar to FILE (default: stdout, which must not be a terminal)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l format -d 'Print the containers mounted in this session as json' -r -f -a "json\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l no-trunc -d 'Print full container ids when listing the mounted containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Unmount every mounted container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Unmount even if mounted more than once'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -s a -l all -d 'Unmount every mounted container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -s f -l force -d 'Unmount even if mounted more than once'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from umount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a container without starting it (prints its id)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start created or stopped containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL after a timeout)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to running containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start containers again'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show the output of containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove all containers that are not running'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Attach to a running container\'s output, input and terminal'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a command in a running container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes running in a container'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "port" -d 'List a container\'s published ports'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Show CPU, memory, pids, network and block I/O use of containers'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "cp" -d 'Copy files between the host and a container (or a tar stream with -)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show what a container changed in its image (A added, C changed, D deleted)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a container\'s root filesystem as a tar archive'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "mount" -d 'Mount containers\' root filesystems and print where (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "unmount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "build" -d 'Build an image from a Containerfile'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "ls" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "list" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "rm" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "prune" -d 'Remove images without a name (with -a: all images)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "tree" -d 'Show an image\'s layers as a tree (with --whatrequires: what is built on it)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from build pull ls list rm tag untag history inspect prune exists tree save load push help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable); unqualified names go under localhost/' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile (default: CONTEXT/Containerfile, else CONTEXT/Dockerfile; - reads stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'Build up to this stage (a name given with FROM ... AS NAME)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'Set a build argument (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build arguments from a file of NAME=VALUE lines; repeatable' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Use and record cached layers (default: $BUILDAH_LAYERS, else true)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: missing (default), always (also --pull alone), never' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'Add a label to the image (NAME=VALUE); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'The image format: oci (default) or docker (keeps HEALTHCHECK, SHELL and ONBUILD)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l jobs -d 'How many stages that do not need each other may build at once (0: no limit; default: the number of CPUs); their lines are printed stage by stage' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file (default: CONTEXT/.containerignore, else CONTEXT/.dockerignore)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (and that of RUN steps) to this file instead of the terminal' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l ulimit -d 'A resource limit of RUN steps (NAME=SOFT[:HARD], e.g. nofile=1024:2048); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l security-opt -d 'seccomp=unconfined or seccomp=PROFILE.json for RUN steps (label=... is accepted and ignored)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime -d 'The OCI runtime of RUN steps: builtin (default), or crun, runc or a path (default: containers.conf\'s [engine] runtime)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l dns -d 'A DNS server for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-search -d 'A DNS search domain for RUN steps\' /etc/resolv.conf (replaces the host\'s; . for none); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-option -d 'A DNS option for RUN steps\' /etc/resolv.conf (replaces the host\'s); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the image (NAME=VALUE, or NAME to take this environment\'s value); repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l unsetenv -d 'Remove an environment variable from the image; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Skip the stages the target does not need (default true; false builds every stage up to the target)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: host (default) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH; repeatable' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l timestamp -d 'Set the created time of the image and its history, and clamp file times, to this (seconds since the epoch; default: $SOURCE_DATE_EPOCH, else now): the same input gives the same image' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached layers: run every step'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-never -d 'Never pull base images (as --pull=never)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers this build makes into one (the base image\'s layers stay)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash every layer, the base image\'s too, into one'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l load -d 'Keep the image in local storage (what build always does; docker buildx\'s flag)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Choose OS/ARCH[/VARIANT] from a multi-platform image (default: this host)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Use ARCH instead of this host\'s architecture' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'Use OS instead of this host\'s operating system' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Use VARIANT (e.g. v8 for arm64)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created, id, repository, size or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Only images matching KEY=VALUE: after (or since), before, dangling, digest, id, label, reference, until; repeat to require several' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (skiff keeps no intermediate images, so this lists the same)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the image ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show the manifest digests'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created, id, repository, size or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Only images matching KEY=VALUE: after (or since), before, dangling, digest, id, label, reference, until; repeat to require several' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (skiff keeps no intermediate images, so this lists the same)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the image ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show the manifest digests'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the image even when it has several names, and all of its names, and first the containers made from it (stopped first)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Images that do not exist are not an error'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Print sizes and dates in machine-readable form' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Output format: json, or a Go template such as \'{{.CreatedBy}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Id}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images, not only those without a name'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l whatrequires -d 'Show the layers and images built on top of the image instead of its own layers'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tree" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write the archive to FILE (default: stdout)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Save several images into one docker-archive, each with its own names (skiff always does; accepted for podman\'s scripts)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'oci-archive: write the layers uncompressed'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read the archive from FILE, or download it from an http(s) URL (default: stdin)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Print only the names of the loaded images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest format to push: oci, or docker (v2s2) (default: as stored)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build an image from a Containerfile'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove images without a name (with -a: all images)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tree" -d 'Show an image\'s layers as a tree (with --whatrequires: what is built on it)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -f -a "df" -d 'Show how much disk space images, containers and volumes use'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -f -a "prune" -d 'Remove unused images, layers and blobs, and what interrupted commands left behind'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -f -a "reset" -d 'Remove all of your skiff state: images, layers, containers, volumes'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -f -a "events" -d 'Show the events of containers, images, volumes, pods and networks (as `skiff events`)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset events help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Output format: json, or a Go template such as \'{{.Type}} {{.Size}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only those without a name'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumes -d 'Remove the volumes no container uses too'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -s f -l filter -d 'Show only events matching KEY=VALUE (container, event/status, image, label, pod, type, volume, network; the same key repeated: any of them)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l format -d 'Print each event with a Go template, or `json`' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l since -d 'Show events since this time (RFC 3339, date, Unix time, or a duration before now)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l until -d 'Show events until this time (as --since)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l stream -d 'Keep printing new events until interrupted (--stream=false: print the past and exit)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l no-trunc -d 'Do not shorten ids (the default; --no-trunc=false: 12 hex digits)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "df" -d 'Show how much disk space images, containers and volumes use'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove unused images, layers and blobs, and what interrupted commands left behind'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove all of your skiff state: images, layers, containers, volumes'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "events" -d 'Show the events of containers, images, volumes, pods and networks (as `skiff events`)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "create" -d 'Create a volume (default name: 64 random hex digits)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "ls" -d 'List volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "list" -d 'List volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "inspect" -d 'Show details of volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "rm" -d 'Remove volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "remove" -d 'Remove volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "export" -d 'Write a volume\'s content as a tar archive (to stdout, or to --output)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "import" -d 'Unpack a tar archive (a file, or - for stdin) into a volume'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "mount" -d 'Print where a volume\'s content is (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "unmount" -d 'Undo `volume mount` (a volume\'s directory needs no unmounting)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "umount" -d 'Undo `volume mount` (a volume\'s directory needs no unmounting)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import mount unmount umount help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label on the volume (KEY=VALUE, or KEY for an empty value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'A driver option: type=bind|tmpfs, device=PATH (what a bind volume mounts), o=OPTIONS (mount options, e.g. size=64m for tmpfs)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'The volume driver: only local' -r -f -a "local\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed, doing nothing, when the volume already exists'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.Name}} {{.Mountpoint}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Only volumes matching: name=REGEX, label=KEY[=VALUE], dangling=true|false, driver=local' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the volume names'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.Name}} {{.Mountpoint}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Only volumes matching: name=REGEX, label=KEY[=VALUE], dangling=true|false, driver=local' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the volume names'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Mountpoint}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Inspect every volume'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'With --force, seconds to wait for the containers using a volume to stop before they are killed' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Also remove the containers that use the volume (running ones are killed)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every volume'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -s t -l time -d 'With --force, seconds to wait for the containers using a volume to stop before they are killed' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -s f -l force -d 'Also remove the containers that use the volume (running ones are killed)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every volume'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Only volumes matching: name=TEXT, label=KEY[=VALUE]' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from umount" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a volume (default name: 64 random hex digits)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove volumes'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a volume\'s content as a tar archive (to stdout, or to --output)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "import" -d 'Unpack a tar archive (a file, or - for stdin) into a volume'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "mount" -d 'Print where a volume\'s content is (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "unmount" -d 'Undo `volume mount` (a volume\'s directory needs no unmounting)'
complete -c skiff -n "__fish_skiff_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "create" -d 'Create a secret from a file, or - for stdin'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "ls" -d 'List secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "list" -d 'List secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "inspect" -d 'Show details of secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "rm" -d 'Remove secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "remove" -d 'Remove secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'The secret driver: only file' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'A driver option (KEY=VALUE); the file driver takes none that matter' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label on the secret (KEY=VALUE, or KEY for an empty value)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read the secret from the environment variable named by the second argument'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Only secrets matching: name=TEXT, id=TEXT' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the secret ids'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -s f -l filter -d 'Only secrets matching: name=TEXT, id=TEXT' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the secret ids'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Spec.Name}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l pretty -d 'Print the inspect output in a human-friendly format'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every secret'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every secret'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a secret from a file, or - for stdin'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove secrets'
complete -c skiff -n "__fish_skiff_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "create" -d 'Create a network (a bridge in the rootless network namespace, with name resolution)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "ls" -d 'List networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "list" -d 'List networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "inspect" -d 'Show details of networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "rm" -d 'Remove networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "remove" -d 'Remove networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "prune" -d 'Remove every network no container uses (except the default one)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "connect" -d 'Connect a container to a network (a running one gets a new interface at once)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "reload" -d 'Apply the firewall rules of running containers\' networks again (after a firewall flush)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect reload help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver of the network (only bridge)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnet in CIDR notation (default: the first free one of 10.89.0.0/24 .. 10.89.255.0/24)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'Gateway of the subnet (default: its first address)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Give containers addresses from this range only (CIDR or START-END)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver option: mtu=BYTES' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set a label on the network (KEY=VALUE)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'No way out: containers reach only each other (and the resolver)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'No name resolution between the containers of this network'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l ipv6 -d 'Enable IPv6 (not supported yet)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed, doing nothing, when the network already exists'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.Name}} {{.Driver}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Only networks matching: name=TEXT, id=PREFIX, driver=bridge, label=KEY[=VALUE], dangling=true|false' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the network names'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate the network ids'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.Name}} {{.Driver}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l filter -d 'Only networks matching: name=TEXT, id=PREFIX, driver=bridge, label=KEY[=VALUE], dangling=true|false' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the network names'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate the network ids'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Name}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for those containers to stop before killing them' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Also remove the containers that use the network (running ones are stopped); a network that does not exist is not an error'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for those containers to stop before killing them' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -s f -l force -d 'Also remove the containers that use the network (running ones are stopped); a network that does not exist is not an error'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'Only networks matching: label=KEY[=VALUE]' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name of the container on this network' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'The container\'s address on this network' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from connect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Accepted for podman compatibility'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -s a -l all -d 'Every running container on a network'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a network (a bridge in the rootless network namespace, with name resolution)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove networks'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every network no container uses (except the default one)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "connect" -d 'Connect a container to a network (a running one gets a new interface at once)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "reload" -d 'Apply the firewall rules of running containers\' networks again (after a firewall flush)'
complete -c skiff -n "__fish_skiff_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -f -a "systemd" -d 'Write a systemd service unit that starts (or, with --new, recreates) a container'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and not __fish_seen_subcommand_from systemd help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l new -d 'Create a new container on each start (from the command line that created this one) and remove it on stop, instead of starting and stopping this container (default: false, true with --template)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l format -d 'Format: json prints {"unit name": "unit text"}' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-policy -d 'Restart= of the unit: no, on-success, on-failure, on-abnormal, on-watchdog, on-abort or always (default: the container\'s --restart policy, else on-failure)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-sec -d 'RestartSec= of the unit, seconds' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s t -l time -l stop-timeout -d 'Seconds between the stop signal and SIGKILL (default: the container\'s stop timeout, 10)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l start-timeout -d 'TimeoutStartSec= of the unit, seconds' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l container-prefix -d 'The unit name\'s prefix' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l separator -d 'Between the prefix and the name' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s e -l env -d 'Environment= of the unit: KEY=VALUE, or KEY for this environment\'s value (left out when unset)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l wants -d 'Wants= of the unit' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l after -d 'After= of the unit' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l requires -d 'Requires= of the unit' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s n -l name -d 'Name the unit and its commands by the container\'s name instead of its id'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s f -l files -d 'Write the unit to CONTAINER_PREFIX-NAME.service in the current directory and print its path'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l template -d 'A template unit (NAME@.service): each instance runs its own container (implies --new)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l no-header -d 'No comment lines at the top'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "systemd" -d 'Write a systemd service unit that starts (or, with --new, recreates) a container'
complete -c skiff -n "__fish_skiff_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l dryrun -l dry-run -d 'Print the units (and errors) instead of writing them'
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l user -d 'Read the user\'s Quadlet directories (the default for a user other than root)'
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand quadlet" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "create" -d 'Create a pod: containers run in it with --pod share its network, ipc and uts namespaces'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "start" -d 'Start pods (the infra container first, then the others)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "stop" -d 'Stop pods (every container, the infra container last)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "restart" -d 'Stop and start pods again'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "kill" -d 'Send a signal to the running containers of pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "rm" -d 'Remove pods and their containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "remove" -d 'Remove pods and their containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "ps" -d 'List pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "ls" -d 'List pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "list" -d 'List pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "inspect" -d 'Show details of pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill rm remove ps ls list inspect exists prune top logs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'The pod\'s name (default: a random adjective_noun)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label on the pod (KEY=VALUE)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'The hostname of the pod\'s containers (default: the pod\'s name)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'Namespaces the containers share: a list of cgroup, ipc, net, pid, uts, or none; +LIST adds to the default (ipc,net,uts)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Create an infra container that holds the shared namespaces (--infra=false: none)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-name -d 'The infra container\'s name (default: the pod id\'s first 12 characters, then -infra)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-command -d 'The infra container\'s command (default: sleep infinity under skiff\'s init)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-image -d 'The infra container\'s image (default: skiff\'s own two-kilobyte pause image, made locally; nothing is pulled)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l exit-policy -d 'What to do when the last container exits: continue (keep the infra running) or stop' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Write the pod\'s id to this file' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -d 'Network mode: pasta (default when installed), slirp4netns, none (only lo), host, container:NAME (share another container\'s network namespace), bridge (the default network podman) or a network\'s name (repeat for several networks)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name of the container on its networks (repeatable)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip -d 'The container\'s IPv4 address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l mac-address -d 'The container\'s MAC address on its (first) network' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container port on the host: [[IP:][HOSTPORT]:]CONTAINERPORT[/tcp|udp]; ranges such as 8000-8010:80-90; no HOSTPORT picks a free one (see `skiff port`)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf (default: the host\'s)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'Search domain for the container\'s /etc/resolv.conf' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -d 'Option for the container\'s /etc/resolv.conf (e.g. ndots:2)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'Add NAME:IP to the container\'s /etc/hosts (IP may be host-gateway)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod -d 'Run the container in a pod (name or id), or in a new pod with new:NAME; it shares the pod\'s network, ipc and uts namespaces' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, in either case) into the container, as podman does; --http-proxy=false does not' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l replace -d 'Remove a pod of the same name first (stopping its containers)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image EXPOSEs on a free host port'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'All pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait after the stop signal before killing each container' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'All pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'All pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal: a name (KILL, SIGTERM, hup) or a number' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'All pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for the containers to stop before killing them' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers first; a pod that does not exist is not an error'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'All pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A pod that does not exist is not an error'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for the containers to stop before killing them' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s f -l force -d 'Stop running containers first; a pod that does not exist is not an error'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s a -l all -d 'All pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'A pod that does not exist is not an error'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}} {{.Status}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Only pods matching: name=REGEX, id=PREFIX, label=KEY[=VALUE], status=STATUS' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only the pod ids'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header line'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate the ids'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Also show the containers\' ids, names and statuses (accepted for podman compatibility)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}} {{.Status}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Only pods matching: name=REGEX, id=PREFIX, label=KEY[=VALUE], status=STATUS' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the pod ids'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header line'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate the ids'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-names -d 'Also show the containers\' ids, names and statuses (accepted for podman compatibility)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}} {{.Status}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -s f -l filter -d 'Only pods matching: name=REGEX, id=PREFIX, label=KEY[=VALUE], status=STATUS' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the pod ids'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header line'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate the ids'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-names -d 'Also show the containers\' ids, names and statuses (accepted for podman compatibility)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Name}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Only this container of the pod (name or id)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tail -d 'Print only the last N lines of each container' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the containers exit'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with the time it was written'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a pod: containers run in it with --pod share its network, ipc and uts namespaces'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start pods (the infra container first, then the others)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop pods (every container, the infra container last)'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start pods again'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to the running containers of pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove pods and their containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "ps" -d 'List pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of pods'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c skiff -n "__fish_skiff_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l runtime -d 'The OCI runtime: `builtin`, or an external one by name or path (crun, runc, ...)' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l bundle -d 'The bundle directory (config.json and the root filesystem)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l state-dir -d 'The container\'s run-time state directory (pid files, attach socket, exit.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l log -d 'The container log, in k8s-file format (default: STATE/ctr.log)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l ready-fd -d 'Descriptor to report "started PID" or the start error on' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l console-size -d 'With a terminal: its window size before the container\'s exec' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l attach-fd -d 'Descriptor of a client attached from the start' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l runtime -d 'Run the bundle with this OCI runtime (crun, runc or a path) instead of the built-in one' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l cleanup -d 'Command to run after the exit is recorded (all remaining arguments)' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l stdin -d 'Give the container a stdin pipe fed by attached clients'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l bundle -d 'The bundle directory (config.json and the root filesystem)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l state-dir -d 'The container\'s run-time state directory' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l log -d 'The container log (default: STATE/ctr.log)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l cleanup -d 'Command for the supervisor to run after the exit is recorded (all remaining arguments)' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s d -l detach -d 'Print the container\'s pid and return at once'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand rootless-netns" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l upper -d 'The writable upper directory' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l work -d 'The work directory (same file system as the upper one), for copy-up' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l lower -d 'A read-only layer; repeat, top-most first' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l uidmap -d 'Present shifted uids: the maps of the container\'s user namespace, C:H:S[,C:H:S...]' -r
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l gidmap -d 'Present shifted gids, as --uidmap' -r
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l volumepath -d 'Directory for volumes (default: ROOT/volumes)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l log-level -d 'Log messages at this level and above to stderr (default: warn)' -r -f -a "trace\t''
debug\t''
info\t''
warn\t'(podman also spells it `warning`)'
error\t'(podman\'s `fatal` and `panic` log no more than errors here)'"
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l cgroup-manager -d 'Who manages containers\' cgroups: skiff always uses cgroupfs (a delegated cgroup, or none); systemd is accepted for podman\'s scripts and falls back to cgroupfs with a warning' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l runtime-flag -d 'A global flag for the OCI runtime (repeatable; `debug` gives `--debug`); used by build\'s RUN steps' -r
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l runtime -d 'The OCI runtime of containers and build steps: crun, runc, a path, or builtin (default: containers.conf\'s [engine] runtime, else skiff\'s own)' -r
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l default-mounts-file -d 'A mounts.conf (SRC:DEST lines) whose sources are mounted into every container and RUN step (default: /usr/share/containers/mounts.conf and /etc/containers/mounts.conf)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l events-backend -d 'Where events go: file (default: containers.conf\'s events_logger, else file) or none' -r
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l userxattr -d 'Keep overlay metadata in user.overlay.* xattrs (rootless) instead of trusted.overlay.*'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -s D -l debug -d 'Log at debug level (docker\'s `-D`; not together with --log-level)'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l noout -d 'Do not write to standard output (errors and messages on stderr still appear)'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "info" -d 'Show what this host allows, the id mappings, helpers and storage paths'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "unshare" -d 'Run a command inside skiff\'s user namespace (default: your shell)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "version" -d 'Show version information'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "events" -d 'Show the events of containers, images, volumes, pods and networks'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "attach" -d 'Attach to a running container\'s output, input and terminal'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "create" -d 'Create a container without starting it (prints its id)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "start" -d 'Start created or stopped containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL after a timeout)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "kill" -d 'Send a signal to running containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "restart" -d 'Stop and start containers again'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "rename" -d 'Rename a container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "ps" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "logs" -d 'Show the output of containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "cp" -d 'Copy files between the host and a container (or a tar stream with -)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "diff" -d 'Show what a container changed in its image (A added, C changed, D deleted)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "export" -d 'Write a container\'s root filesystem as a tar archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "import" -d 'Create an image from a root filesystem tarball'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "mount" -d 'Mount containers\' root filesystems and print where (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "unmount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "exec" -d 'Run a command in a running container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "top" -d 'Show the processes running in a container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "healthcheck" -d 'Run a container\'s healthcheck'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "port" -d 'List a container\'s published ports'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "stats" -d 'Show CPU, memory, pids, network and block I/O use of containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "build" -d 'Build an image from a Containerfile'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "buildx" -d 'Build images, as docker\'s buildx: build, prune'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "images" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "rmi" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "inspect" -d 'Show details of containers or images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "login" -d 'Log in to a registry (checks the credentials, then stores them)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "logout" -d 'Remove the stored credentials of a registry'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "container" -d 'Manage containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "image" -d 'Manage images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "system" -d 'Manage skiff itself: disk usage, pruning unused data, resetting all state'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "volume" -d 'Manage volumes: create, ls, inspect, rm, prune, exists'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "secret" -d 'Manage secrets: create, ls, inspect, rm'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "network" -d 'Manage networks: create, ls, inspect, rm, prune, exists, connect, disconnect'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "generate" -d 'Generate systemd units for containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "quadlet" -d 'Turn Quadlet .container/.volume/.network files into systemd units (a user generator)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "pod" -d 'Manage pods: create, start, stop, restart, kill, rm, ps, inspect, exists, prune, top, logs'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "completion" -d 'Print a shell completion script'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "oci-run" -d 'Run an OCI bundle in the foreground with the built-in or an external runtime (for tests)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "supervisor" -d 'Supervise one container: its stdio, log, attach socket, signals and exit (internal)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "oci-start" -d 'Start an OCI bundle under a detached supervisor, then attach or print its pid (for tests)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "container-cleanup" -d 'Record a container\'s exit, unmount it and remove it with --rm (run by the supervisor)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "rootless-netns" -d 'Hold the rootless network namespace of user-defined networks while containers use it (internal)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "fuse-overlay-serve" -d 'Serve a container\'s fuse-overlay root filesystem until it is unmounted (internal)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version events run attach create start stop kill restart wait rename ps rm logs cp diff commit export import mount unmount exec top healthcheck port stats build buildx pull images rmi tag untag history inspect save load push login logout container image system volume secret network generate quadlet pod completion generate-docs oci-run supervisor oci-start container-cleanup rootless-netns fuse-overlay-serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from healthcheck" -f -a "run" -d 'Run a container\'s healthcheck now: exit 0 when healthy, 1 when unhealthy'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from buildx" -f -a "build" -d 'Build an image from a Containerfile (as `skiff build`; `--load` is accepted)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from buildx" -f -a "prune" -d 'Remove images without a name (with -a: all images), as `skiff image prune`'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "ls" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "create" -d 'Create a container without starting it (prints its id)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "start" -d 'Start created or stopped containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL after a timeout)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "kill" -d 'Send a signal to running containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "restart" -d 'Stop and start containers again'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "logs" -d 'Show the output of containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "inspect" -d 'Show details of containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rename" -d 'Rename a container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "prune" -d 'Remove all containers that are not running'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "attach" -d 'Attach to a running container\'s output, input and terminal'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exec" -d 'Run a command in a running container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "top" -d 'Show the processes running in a container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "port" -d 'List a container\'s published ports'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stats" -d 'Show CPU, memory, pids, network and block I/O use of containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "cp" -d 'Copy files between the host and a container (or a tar stream with -)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "diff" -d 'Show what a container changed in its image (A added, C changed, D deleted)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "commit" -d 'Create an image from a container\'s changes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "export" -d 'Write a container\'s root filesystem as a tar archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "mount" -d 'Mount containers\' root filesystems and print where (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "unmount" -d 'Unmount containers\' root filesystems'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "build" -d 'Build an image from a Containerfile'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ls" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "prune" -d 'Remove images without a name (with -a: all images)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tree" -d 'Show an image\'s layers as a tree (with --whatrequires: what is built on it)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "df" -d 'Show how much disk space images, containers and volumes use'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "prune" -d 'Remove unused images, layers and blobs, and what interrupted commands left behind'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "reset" -d 'Remove all of your skiff state: images, layers, containers, volumes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "events" -d 'Show the events of containers, images, volumes, pods and networks (as `skiff events`)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "create" -d 'Create a volume (default name: 64 random hex digits)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "ls" -d 'List volumes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "inspect" -d 'Show details of volumes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "rm" -d 'Remove volumes'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "prune" -d 'Remove every volume no container uses'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "export" -d 'Write a volume\'s content as a tar archive (to stdout, or to --output)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "import" -d 'Unpack a tar archive (a file, or - for stdin) into a volume'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "mount" -d 'Print where a volume\'s content is (rootless: inside `skiff unshare`)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "unmount" -d 'Undo `volume mount` (a volume\'s directory needs no unmounting)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "create" -d 'Create a secret from a file, or - for stdin'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "ls" -d 'List secrets'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "inspect" -d 'Show details of secrets'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "rm" -d 'Remove secrets'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "create" -d 'Create a network (a bridge in the rootless network namespace, with name resolution)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "ls" -d 'List networks'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "inspect" -d 'Show details of networks'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "rm" -d 'Remove networks'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "prune" -d 'Remove every network no container uses (except the default one)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "connect" -d 'Connect a container to a network (a running one gets a new interface at once)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "reload" -d 'Apply the firewall rules of running containers\' networks again (after a firewall flush)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "systemd" -d 'Write a systemd service unit that starts (or, with --new, recreates) a container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "create" -d 'Create a pod: containers run in it with --pod share its network, ipc and uts namespaces'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "start" -d 'Start pods (the infra container first, then the others)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "stop" -d 'Stop pods (every container, the infra container last)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "restart" -d 'Stop and start pods again'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "kill" -d 'Send a signal to the running containers of pods'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "rm" -d 'Remove pods and their containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "ps" -d 'List pods'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "inspect" -d 'Show details of pods'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "logs" -d 'Show the logs of a pod\'s containers'
