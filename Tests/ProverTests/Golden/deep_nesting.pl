% Deep nesting is an error, not a crash: the golden runner appends 100,000 '(' .
% query: X = f(a)
