count() { echo $#; }
count; count ""; count a "b c" d
args=(1 "2 3"); count "${args[@]}"; count ${args[@]}
