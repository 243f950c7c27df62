# needs: cat sort
# files
{ echo out; echo err >&2; } > o.txt 2> e.txt
echo "o: $(cat o.txt) e: $(cat e.txt)"
{ echo out; echo err >&2; } > both.txt 2>&1
sort both.txt
{ echo x; echo y >&2; } &> all.txt; sort all.txt
