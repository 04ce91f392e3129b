#!/usr/bin/env bash
# Installs steptrace under a prefix, or removes what an earlier install wrote (`make install`, `make uninstall`).
#
#   scripts/install.sh install PREFIX BINARY MANPAGE   copies BINARY to PREFIX/bin/steptrace, the lessons to
#                                                      PREFIX/share/steptrace/lessons, MANPAGE to
#                                                      PREFIX/share/man/man1/steptrace.1, and writes bash, zsh and
#                                                      fish completions made by the binary itself
#   scripts/install.sh uninstall PREFIX                removes exactly what the install wrote
#
# Every file written and every folder created is listed, in order, in PREFIX/share/steptrace/install-manifest
# ("f PATH" or "d PATH"); uninstall removes those files, then those folders when empty, then the manifest. A
# second install first removes the first one, so nothing stale is left. Folders that existed before (bin,
# share/man/man1, ...) are never listed, so uninstall leaves the prefix as it found it.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
say() { echo "install: $*" >&2; }
fail() { echo "install: $*" >&2; exit 1; }

[ "$#" -ge 2 ] || fail "usage: scripts/install.sh install PREFIX BINARY MANPAGE | uninstall PREFIX"
ACTION="$1"
PREFIX="${2%/}"
[ -n "$PREFIX" ] || PREFIX="/"
MANIFEST="$PREFIX/share/steptrace/install-manifest"

uninstall() {
    [ -f "$MANIFEST" ] || { say "nothing installed under $PREFIX (no $MANIFEST)"; return 0; }
    local kind path folders=()
    while IFS=' ' read -r kind path; do
        case "$kind" in
            f) rm -f -- "$path" ;;
            d) folders+=("$path") ;;
        esac
    done < "$MANIFEST"
    rm -f -- "$MANIFEST"
    # Deepest (latest created) first; a folder someone else put files into stays.
    local i
    for ((i = ${#folders[@]} - 1; i >= 0; i--)); do
        rmdir -- "${folders[$i]}" 2>/dev/null || say "kept ${folders[$i]} (not empty)"
    done
    say "removed steptrace from $PREFIX"
}

case "$ACTION" in
    uninstall) uninstall; exit 0 ;;
    install) ;;
    *) fail "unknown action '$ACTION' (expected install or uninstall)" ;;
esac

[ "$#" -eq 4 ] || fail "usage: scripts/install.sh install PREFIX BINARY MANPAGE"
BINARY="$3"
MANPAGE="$4"
[ -x "$BINARY" ] || fail "$BINARY: no such program"
[ -f "$MANPAGE" ] || fail "$MANPAGE: no such man page"

uninstall
ENTRIES=()
# Creates folder $1 and its missing parents, listing each one created.
folder() {
    local path="$1" missing=()
    while [ ! -d "$path" ]; do missing+=("$path"); path="$(dirname "$path")"; done
    local i
    for ((i = ${#missing[@]} - 1; i >= 0; i--)); do
        mkdir -- "${missing[$i]}"
        ENTRIES+=("d ${missing[$i]}")
    done
}
# Copies file $1 to $2 with mode $3, listing it.
file() {
    folder "$(dirname "$2")"
    install -m "$3" -- "$1" "$2"
    ENTRIES+=("f $2")
}

file "$BINARY" "$PREFIX/bin/steptrace" 755
file "$MANPAGE" "$PREFIX/share/man/man1/steptrace.1" 644
# The lessons' regular files (links and anything else are not lessons' content).
while read -r relative; do
    file "$ROOT/lessons/${relative#./}" "$PREFIX/share/steptrace/lessons/${relative#./}" 644
done < <(cd "$ROOT/lessons" && find . -type f | LC_ALL=C sort)
COMPLETIONS="$(mktemp -d)"
trap 'rm -rf "$COMPLETIONS"' EXIT
"$BINARY" --generate-completion-script bash > "$COMPLETIONS/steptrace"
"$BINARY" --generate-completion-script zsh > "$COMPLETIONS/_steptrace"
"$BINARY" --generate-completion-script fish > "$COMPLETIONS/steptrace.fish"
file "$COMPLETIONS/steptrace" "$PREFIX/share/bash-completion/completions/steptrace" 644
file "$COMPLETIONS/_steptrace" "$PREFIX/share/zsh/site-functions/_steptrace" 644
file "$COMPLETIONS/steptrace.fish" "$PREFIX/share/fish/vendor_completions.d/steptrace.fish" 644

printf '%s\n' "${ENTRIES[@]}" > "$MANIFEST"
say "installed steptrace under $PREFIX ($(grep -c '^f ' "$MANIFEST") files; list in $MANIFEST)"
