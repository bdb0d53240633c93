% Unification and comparison.
% query: f(X, b) = f(a, Y)
% query: f(X, X) = f(a, b)
% query: X = Y, Y = 3
% query: f(a) \= f(b)
% query: f(X) \= f(b)
% query: X == X
% query: X == Y
% query: a \== b
% query: compare(O, 1, a)
% query: compare(O, f(b), f(a))
% query: compare(O, g(a), f(a, b))
% query: X @< 1, 1 @< a, a @< f(a)
% query: [H|T] = [1,2,3]
% query: X = f(Y), Y = g(Z)
