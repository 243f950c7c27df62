if false; then :; fi; echo $?
if true; then (exit 4); fi; echo $?
if ! true; then echo no; else echo yes; fi
