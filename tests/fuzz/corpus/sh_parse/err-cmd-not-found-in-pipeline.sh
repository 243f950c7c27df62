nosuch_zz | echo piped
echo "status ${PIPESTATUS[0]} ${PIPESTATUS[1]}"
