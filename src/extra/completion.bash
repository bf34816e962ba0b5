# bash completion for unknot.  The program completes itself from its
# command table (`unknot _complete CWORD WORD...`); this hands it the words
# and completes file names where it asks for them, so that bash quotes
# them and ends folders with "/".  Each line it prints is taken as it is
# (mapfile: no word splitting, no glob expansion of an id like "*").
# Installed by `make install` as $(PREFIX)/share/bash-completion/completions/unknot.

_unknot()
{
	local cur=${COMP_WORDS[COMP_CWORD]} line
	local -a lines files
	COMPREPLY=()
	mapfile -t lines < <("${COMP_WORDS[0]}" _complete "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null)
	for line in "${lines[@]}"; do
		case $line in
		:routine-files)
			compopt -o filenames 2>/dev/null
			mapfile -t files < <(compgen -f -X '!*.routine' -- "$cur"; compgen -d -- "$cur")
			COMPREPLY+=("${files[@]}") ;;
		*)
			COMPREPLY+=("$line") ;;
		esac
	done
}
complete -F _unknot unknot
