// placeholder: the Decoder helper replaces this file.
import CBLAS
