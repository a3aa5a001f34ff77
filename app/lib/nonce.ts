// This response's Content-Security-Policy nonce for the scripts the document renders. Only the server knows it
// (browsers hide a nonce from the page once it is parsed), so in the browser it is empty.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");

export const useNonce = () => useContext(NonceContext);
