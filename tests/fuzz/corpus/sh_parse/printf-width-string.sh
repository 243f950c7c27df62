printf '|%10s|%-10s|\n' right left
printf '|%.2s|%5.1s|\n' abc xyz
printf '%5.2f%%\n' 99.5
