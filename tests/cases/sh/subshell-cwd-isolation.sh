# needs: mkdir touch
# files
mkdir inner
before=$(pwd)
(cd inner && touch made-here)
[ "$(pwd)" = "$before" ] && echo cwd-kept
[ -f inner/made-here ] && echo file-made
