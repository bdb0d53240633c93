% write/1, writeq/1, print/1 and operator-aware output.
:- initialization(main).
main :-
    write(hello), nl,
    write('hello world'), nl,
    writeq('hello world'), nl,
    writeq([a, 'B', "c", 1]), nl,
    write(1 + 2 * 3), nl,
    write((1 + 2) * 3), nl,
    write((a :- (b, c ; d))), nl,
    write(- 1), write(' '), write(-(1)), write(' '), write(-(a)), write(' '), write(1 - -1), nl,
    write(f(x, [1, 2|T], T)), nl,
    writeq(f('$x', [], '[]', {a})), nl,
    write_canonical([a|b]), nl,
    writeln(done).
