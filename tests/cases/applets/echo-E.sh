echo -E 'a\nb'
