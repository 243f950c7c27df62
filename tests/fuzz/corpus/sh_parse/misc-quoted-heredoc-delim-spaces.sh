# needs: cat
cat << "END MARK"
text
END MARK
echo done
