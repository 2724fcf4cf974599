# fish completion for skiff: the candidates come from `skiff __complete`, the protocol of
# podman's command library (cobra).
function __skiff_complete
    set -l args (commandline -opc)
    set -l cur (commandline -ct)
    set -l out ($args[1] __complete $args[2..-1] $cur 2>/dev/null)
    test (count $out) -gt 0; or return
    set -l directive (string replace ':' '' -- $out[-1])
    set -e out[-1]
    test (math "$directive % 2") -eq 1; and return
    for line in $out
        echo $line
    end
    if test (count $out) -eq 0; and test (math "floor($directive / 4) % 2") -eq 0
        __fish_complete_path $cur
    end
end
complete -c skiff -f -a '(__skiff_complete)'
