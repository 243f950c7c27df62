# needs: ls
alias ll='ls -l'
alias ll
alias
unalias ll
alias ll; echo "status $?"
