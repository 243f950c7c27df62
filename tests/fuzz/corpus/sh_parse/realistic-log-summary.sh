# needs: cat grep awk sort uniq
# files
cat > app.log <<'EOF'
2024-01-01 INFO start
2024-01-01 ERROR disk full
2024-01-02 WARN slow
2024-01-02 ERROR timeout
EOF
errors=$(grep -c ERROR app.log)
echo "errors: $errors"
grep ERROR app.log | while read -r d lvl msg; do echo "$d: $msg"; done
awk '{print $2}' app.log | sort | uniq -c | sort -rn
