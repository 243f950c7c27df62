s="it's a test"
echo "${s@Q}"
t='plain'; echo "${t@Q}" "${t@U}" "${t@u}"
