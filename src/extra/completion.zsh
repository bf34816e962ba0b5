#compdef unknot
# zsh completion for unknot.  The program completes itself from its
# command table (`unknot _complete CWORD WORD...`); this hands it the words
# and lets zsh complete file names where it asks for them.
# Installed by `make install` where zsh looks: vendor-completions for
# PREFIX=/usr (Debian), site-functions otherwise.

_unknot() {
	local line
	local -a plain
	for line in "${(@f)$(${words[1]} _complete $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}"; do
		case $line in
		:routine-files) _files -g '*.routine(-.)' ;;
		'') ;;
		*) plain+=("$line") ;;
		esac
	done
	(( $#plain )) && compadd -- "${plain[@]}"
	return 0
}

_unknot "$@"
