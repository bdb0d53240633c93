% First-argument indexing: calls with a bound first argument leave no choice point,
% so the top level prints '.' right after the answer.
color(apple, red). color(banana, yellow). color(cherry, red). color(grape, purple).
color(kiwi, green). color(lemon, yellow). color(lime, green). color(mango, orange).
color(plum, purple). color(pear, green). color(fig, purple).
len([], 0).
len([_|T], N) :- len(T, M), N is M + 1.
% query: color(lime, C)
% query-all: color(F, purple)
% query: len([a, b, c], N)
% query: color(nothing, C)
% query: color(3, C)
% query-all: color(plum, C)
% When every clause has a variable first argument, the second argument is indexed.
rm(_, [], []).
rm(P, [X|Xs], Ys) :- X =:= P, !, rm(P, Xs, Ys).
rm(P, [X|Xs], [X|Ys]) :- rm(P, Xs, Ys).
% query-all: rm(2, [1,2,3,2], L)
