unset 1abc; echo "status $?"
declare 2x=1; echo "status $?"
export 'bad name'=1; echo "status $?"
