% :- initialization(G) runs G after loading; directives run when read.
:- X = 1, write(directive(X)), nl.
:- initialization(main).
greet(Name) :- write('Hello, '), write(Name), write('!'), nl.
main :- greet(world), forall(member(X, [1, 2, 3]), (Y is X * X, write(Y), nl)).
