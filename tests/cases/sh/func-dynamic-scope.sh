f() { local v=fromf; g; echo "f sees $v"; }
g() { v=changed-by-g; }
v=global; f; echo "global $v"
