# needs: mkdir touch
# files
mkdir d; touch f; echo data > s
[[ -d d ]] && echo dir
[[ -f f && ! -d f ]] && echo file
[[ -e nope ]] || echo missing
[[ -s s && ! -s f ]] && echo size
[[ -r f && -w f ]] && echo rw
