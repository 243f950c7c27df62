// (\w+\s?)*$ : nested quantifiers over words and optional spaces.
// expect: ETIMEOUT
// config: time=300
/^(\w+\s?)*$/.test('ab '.repeat(30) + 'ab!');
