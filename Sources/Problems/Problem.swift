// placeholder: the Problems helper replaces this file.
import Logic
