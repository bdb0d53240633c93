% Cyclic rules as in reasoning datasets: big things are red; red things are big.
:- table big/1, red/1, green/1.
big(X) :- red(X).
red(X) :- big(X).
red(bob).
big(anne).
green(X) :- red(X), \+ young(X).
young(anne).
% query: findall(X, big(X), L)
% query: findall(X, red(X), L)
% query: big(charlie)
% query: findall(X, green(X), L)
