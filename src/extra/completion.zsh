#compdef unknot
# zsh completion for unknot.  Installed by `make install` as
# $(PREFIX)/share/zsh/site-functions/_unknot.
_unknot_ids() { compadd -- ${(f)"$(unknot list 2>/dev/null | awk 'NR > 1 { print $1 }')"} }
_unknot() {
	local -a cmds
	cmds=(run list show check new edit remind history stats safety)
	if (( CURRENT == 2 )); then
		compadd -- $cmds --help --version
		return
	fi
	case $words[2] in
	run) _arguments '--speed[clock speed]:speed' '--mute[no sound]' '1:routine:_unknot_ids' ;;
	show|edit) _unknot_ids ;;
	check) _arguments '--strict[fail on warnings]' '*:routine file:_files -g "*.routine"' ;;
	new) _arguments '--from[copy a routine]:routine:_unknot_ids' '1:name' ;;
	remind) _arguments '1:request:(status snooze skip stop)' '--every:interval' '--routine:routine:_unknot_ids' \
		'--hours:hours' '--days:days' '--snooze:snooze' '--daemon' ;;
	history) _arguments '--since:date' '--csv' ;;
	esac
}
_unknot "$@"
