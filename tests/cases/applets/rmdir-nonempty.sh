mkdir x; touch x/f; rmdir x; echo "rc=$?"
