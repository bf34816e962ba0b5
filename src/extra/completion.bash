# bash completion for unknot: commands, options and routine ids.
# Installed by `make install` as $(PREFIX)/share/bash-completion/completions/unknot.

_unknot_ids()
{
	unknot list 2>/dev/null | awk 'NR > 1 { print $1 }'
}

_unknot()
{
	local cur prev cmd
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=${COMP_WORDS[1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "run list show check new edit remind history stats safety --help --version" -- "$cur"))
		return
	fi
	case $prev in
	--speed) COMPREPLY=($(compgen -W "0.5 2 10 100" -- "$cur")); return ;;
	--every|--snooze) COMPREPLY=($(compgen -W "20m 30m 45m 1h" -- "$cur")); return ;;
	--hours) COMPREPLY=($(compgen -W "09:00-17:30 08:00-18:00" -- "$cur")); return ;;
	--days) COMPREPLY=($(compgen -W "mon-fri daily sat,sun" -- "$cur")); return ;;
	--routine|--from) COMPREPLY=($(compgen -W "$(_unknot_ids)" -- "$cur")); return ;;
	--since) return ;;
	esac
	case $cmd in
	run)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--speed --mute" -- "$cur"))
		elif [[ $cur == */* || $cur == .* ]]; then
			COMPREPLY=($(compgen -f -X '!*.routine' -- "$cur") $(compgen -d -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_unknot_ids)" -- "$cur"))
		fi ;;
	show|edit) COMPREPLY=($(compgen -W "$(_unknot_ids)" -- "$cur")) ;;
	check)
		COMPREPLY=($(compgen -W "--strict" -- "$cur") $(compgen -f -X '!*.routine' -- "$cur") \
			$(compgen -d -- "$cur")) ;;
	new) COMPREPLY=($(compgen -W "--from" -- "$cur")) ;;
	remind)
		if [ "$COMP_CWORD" -eq 2 ] && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W "status snooze skip stop" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--every --routine --hours --days --snooze --daemon" -- "$cur"))
		fi ;;
	history) COMPREPLY=($(compgen -W "--since --csv" -- "$cur")) ;;
	esac
}
complete -F _unknot unknot
