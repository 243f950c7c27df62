true | false; echo $?
false | true; echo $?
false | true; echo "${PIPESTATUS[@]}"
true | false | true; echo "${PIPESTATUS[0]} ${PIPESTATUS[1]} ${PIPESTATUS[2]}"
