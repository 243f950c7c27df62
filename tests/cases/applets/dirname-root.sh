dirname /
