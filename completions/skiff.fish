# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_skiff_global_optspecs
    string join \n root= runroot= log-level= storage-driver= h/help V/version
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
complete -c skiff -n "__fish_skiff_needs_command" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_needs_command" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_needs_command" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "info" -d 'Show what this host allows, the id mappings, helpers and storage paths'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "unshare" -d 'Run a command inside skiff\'s user namespace (default: your shell)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "version" -d 'Show version information'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "ps" -d 'List containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "logs" -d 'Show the output of a container'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "images" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "rmi" -d 'Remove images'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "login" -d 'Log in to a registry (checks the credentials, then stores them)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "logout" -d 'Remove the stored credentials of a registry'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "image" -d 'Manage images'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "system" -d 'Manage skiff itself: disk usage, pruning unused data, resetting all state'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "oci-run" -d 'Run an OCI bundle in the foreground with the built-in or an external runtime (for tests)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "supervisor" -d 'Supervise one container: its stdio, log, attach socket, signals and exit (internal)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "oci-start" -d 'Start an OCI bundle under a detached supervisor, then attach or print its pid (for tests)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "container-cleanup" -d 'Record a container\'s exit, unmount it and remove it with --rm (run by the supervisor)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "fuse-overlay-serve" -d 'Serve a container\'s fuse-overlay root filesystem until it is unmounted (internal)'
complete -c skiff -n "__fish_skiff_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Host.Kernel}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand info" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand info" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand info" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand info" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Client.Version}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand version" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand version" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand version" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand version" -s V -l version -d 'Print version'
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
complete -c skiff -n "__fish_skiff_using_subcommand run" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand run" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand run" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand run" -s d -l detach -d 'Run the container in the background and print its id'
complete -c skiff -n "__fish_skiff_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand run" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l format -d 'Output format: json, or a Go template such as {{.ID}} {{.Names}}' -r
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s q -l quiet -d 'Print only the container ids'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand ps" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s f -l force -d 'Kill and remove running containers'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s a -l all -d 'Remove all containers'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l tail -d 'Print only the last N lines' -r
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand logs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand logs" -s V -l version -d 'Print version'
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
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand pull" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand pull" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand images" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand images" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand images" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand images" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand images" -s a -l all -d 'Show all images (skiff keeps no intermediate images, so this lists the same)'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s q -l quiet -d 'Print only the image ids'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l digests -d 'Show the manifest digests'
complete -c skiff -n "__fish_skiff_using_subcommand images" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand images" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s f -l force -d 'Remove the image even when it has several names, and all of its names'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand tag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand tag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand untag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand untag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s H -l human -d 'Print sizes and dates in machine-readable form' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l format -d 'Output format: json, or a Go template such as \'{{.CreatedBy}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand history" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand history" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand history" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand history" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s q -l quiet -d 'Print only the ids'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand history" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Id}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s o -l output -d 'Write the archive to FILE (default: stdout)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c skiff -n "__fish_skiff_using_subcommand save" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand save" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand save" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand save" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand save" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s i -l input -d 'Read the archive from FILE (default: stdin)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand load" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand load" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand load" -s q -l quiet -d 'Print only the names of the loaded images'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand load" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand push" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand push" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand push" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand push" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand push" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand push" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s u -l username -d 'Username for the registry (prompted for when missing)' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -s p -l password -d 'Password for the registry (prompted for when missing; prefer --password-stdin)' -r
complete -c skiff -n "__fish_skiff_using_subcommand login" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates when contacting the registry (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand login" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand login" -l password-stdin -d 'Read the password from stdin'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand login" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand logout" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand logout" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "ls" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "list" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "rm" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "prune" -d 'Remove images without a name (with -a: all images)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand image; and not __fish_seen_subcommand_from pull ls list rm tag untag history inspect prune exists save load push help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image id'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (skiff keeps no intermediate images, so this lists the same)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the image ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show the manifest digests'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (skiff keeps no intermediate images, so this lists the same)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the image ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show the manifest digests'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header row'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the image even when it has several names, and all of its names'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from untag" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Print sizes and dates in machine-readable form' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Output format: json, or a Go template such as \'{{.CreatedBy}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate ids and commands'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the ids'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Id}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images, not only those without a name'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write the archive to FILE (default: stdout)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read the archive from FILE (default: stdin)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Print only the names of the loaded images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (--tls-verify=false allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials (USERNAME[:PASSWORD]) to use for the registry' -r
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove images without a name (with -a: all images)'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -f -a "df" -d 'Show how much disk space images, containers and volumes use'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -f -a "prune" -d 'Remove unused images, layers and blobs, and what interrupted commands left behind'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -f -a "reset" -d 'Remove all of your skiff state: images, layers, containers, volumes'
complete -c skiff -n "__fish_skiff_using_subcommand system; and not __fish_seen_subcommand_from df prune reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Output format: json, or a Go template such as \'{{.Type}} {{.Size}}\'' -r
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from df" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only those without a name'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "df" -d 'Show how much disk space images, containers and volumes use'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove unused images, layers and blobs, and what interrupted commands left behind'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove all of your skiff state: images, layers, containers, volumes'
complete -c skiff -n "__fish_skiff_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand completion" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand generate-docs" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l runtime -d 'The OCI runtime: `builtin`, or an external one by name or path (crun, runc, ...)' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand oci-run" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l bundle -d 'The bundle directory (config.json and the root filesystem)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l state-dir -d 'The container\'s run-time state directory (pid files, attach socket, exit.json)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l log -d 'The container log, in k8s-file format (default: STATE/ctr.log)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l ready-fd -d 'Descriptor to report "started PID" or the start error on' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l attach-fd -d 'Descriptor of a client attached from the start' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l cleanup -d 'Command to run after the exit is recorded (all remaining arguments)' -r
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l terminal -d 'Give the container a terminal (not supported yet)'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -l stdin -d 'Give the container a stdin pipe fed by attached clients'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand supervisor" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l bundle -d 'The bundle directory (config.json and the root filesystem)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l state-dir -d 'The container\'s run-time state directory' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l log -d 'The container log (default: STATE/ctr.log)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l cleanup -d 'Command for the supervisor to run after the exit is recorded (all remaining arguments)' -r
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s d -l detach -d 'Print the container\'s pid and return at once'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s i -l interactive -d 'Keep stdin open and forward it to the container'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand oci-start" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand container-cleanup" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l upper -d 'The writable upper directory' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l work -d 'The work directory (same file system as the upper one), for copy-up' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l lower -d 'A read-only layer; repeat, top-most first' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l root -d 'Persistent storage directory (images, layers, containers)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l runroot -d 'Run-time state directory (mounts, sockets, pids)' -r -F
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l log-level -d 'Log messages at this level and above to stderr' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''"
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l storage-driver -d 'Copy-on-write backend for container root filesystems (default: chosen automatically)' -r -f -a "overlay\t'The kernel\'s overlayfs, mounted inside the user namespace'
fuse-overlay\t'skiff\'s own copy-on-write overlay over FUSE, for where the kernel overlay is refused'
vfs\t'A plain copy of every layer: slow, always works'"
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -l userxattr -d 'Keep overlay metadata in user.overlay.* xattrs (rootless) instead of trusted.overlay.*'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c skiff -n "__fish_skiff_using_subcommand fuse-overlay-serve" -s V -l version -d 'Print version'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "info" -d 'Show what this host allows, the id mappings, helpers and storage paths'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "unshare" -d 'Run a command inside skiff\'s user namespace (default: your shell)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "version" -d 'Show version information'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "run" -d 'Run a command in a new container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "ps" -d 'List containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "rm" -d 'Remove containers'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "logs" -d 'Show the output of a container'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "images" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "rmi" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "login" -d 'Log in to a registry (checks the credentials, then stores them)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "logout" -d 'Remove the stored credentials of a registry'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "image" -d 'Manage images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "system" -d 'Manage skiff itself: disk usage, pruning unused data, resetting all state'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "completion" -d 'Print a shell completion script'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "oci-run" -d 'Run an OCI bundle in the foreground with the built-in or an external runtime (for tests)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "supervisor" -d 'Supervise one container: its stdio, log, attach socket, signals and exit (internal)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "oci-start" -d 'Start an OCI bundle under a detached supervisor, then attach or print its pid (for tests)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "container-cleanup" -d 'Record a container\'s exit, unmount it and remove it with --rm (run by the supervisor)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "fuse-overlay-serve" -d 'Serve a container\'s fuse-overlay root filesystem until it is unmounted (internal)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and not __fish_seen_subcommand_from info unshare version run ps rm logs pull images rmi tag untag history inspect save load push login logout image system completion generate-docs oci-run supervisor oci-start container-cleanup fuse-overlay-serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Pull images from a registry into local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ls" -d 'List images in local storage'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Add names to an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "untag" -d 'Remove names from an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "history" -d 'Show the layers\' history of an image'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Show details of images'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "prune" -d 'Remove images without a name (with -a: all images)'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "exists" -d 'Exit 0 if the image is in local storage, 1 if not'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "save" -d 'Save images to a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "load" -d 'Load images from a docker-archive or oci-archive'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Push an image to a registry'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "df" -d 'Show how much disk space images, containers and volumes use'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "prune" -d 'Remove unused images, layers and blobs, and what interrupted commands left behind'
complete -c skiff -n "__fish_skiff_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "reset" -d 'Remove all of your skiff state: images, layers, containers, volumes'
