echo "$(echo "inner \"quoted\" $(echo 'deep')")"
