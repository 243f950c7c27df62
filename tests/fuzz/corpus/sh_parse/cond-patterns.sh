f=report.csv
[[ $f == *.csv ]] && echo csv
[[ $f == "*.csv" ]] || echo quoted-literal
[[ $f == r?port.* ]] && echo qmark
[[ $f != *.txt ]] && echo not-txt
[[ x == [xyz] ]] && echo bracket
