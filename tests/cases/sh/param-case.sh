s="Hello World"
echo "${s^^}" "${s,,}" "${s^}" "${s,}"
w=abc; echo "${w^}" "${w^^[ab]}"
