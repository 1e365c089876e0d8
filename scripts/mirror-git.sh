# Shared by scripts/fetch-general-corpus.sh and scripts/fetch-candidate-corpus.sh
# (sourced, not run): reading files of public repositories from local git copies at
# fixed commits. The caller sets $mirrors (the MIRRORS_DIR of its usage line).

# The git directory of repository $1 (owner/name).
repo_dir() {
    owner=${1%%/*}
    name=${1#*/}
    for d in "$mirrors/$owner+$name/repo" "$mirrors/$owner+$name" "$mirrors/$name"; do
        if git -C "$d" rev-parse --git-dir >/dev/null 2>&1; then
            echo "$d"
            return 0
        fi
    done
    echo "$(basename "$0"): no git copy of $1 under $mirrors" >&2
    return 1
}

# File $3 of repository $1 at commit $2, on standard output.
show() {
    dir=$(repo_dir "$1") || exit 1
    git -C "$dir" show "$2:$3"
}
