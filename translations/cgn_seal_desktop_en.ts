<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/account_page.py" line="+35"/>
        <source>Supplier registration</source>
        <translation>Supplier registration</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No system keyring: you will log in again after a restart.</source>
        <translation>No system keyring: you will log in again after a restart.</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+7"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+9"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+24"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Company name</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter user name and password.</source>
        <translation>Enter user name and password.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many attempts; wait a few minutes.</source>
        <translation>Too many attempts; wait a few minutes.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The passwords differ.</source>
        <translation>The passwords differ.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Registered. Log in to continue.</source>
        <translation>Registered. Log in to continue.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This user name is taken.</source>
        <translation>This user name is taken.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>3-32 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;.</source>
        <translation>3-32 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 8 characters.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the full company name.</source>
        <translation>Enter the full company name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a mobile number.</source>
        <translation>Enter a mobile number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a valid e-mail address.</source>
        <translation>Enter a valid e-mail address.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid.</source>
        <translation>Not valid.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/app.py" line="+66"/>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. The error was recorded in the log file. If it keeps happening, call 400-112-3838.</source>
        <translation>Something went wrong. The error was recorded in the log file. If it keeps happening, call 400-112-3838.</translation>
    </message>
</context>
<context>
    <name>ApplicationFormPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/application_page.py" line="+62"/>
        <source>Certificate application</source>
        <extracomment>The form&apos;s fields, grouped as the page (and the printed 申请表) shows them.</extracomment>
        <translation>Certificate application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These details are printed on the application form, together with the organisation, its legal representative and the operator from the six elements.</source>
        <translation>These details are printed on the application form, together with the organisation, its legal representative and the operator from the six elements.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate and seal</source>
        <translation>Certificate and seal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact for this application</source>
        <translation>Contact for this application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the UKEY is mailed</source>
        <translation>Where the UKEY is mailed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered address, as on the business licence</source>
        <translation>Registered address, as on the business licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0755-88886666</source>
        <translation>e.g. 0755-88886666</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full address for the courier</source>
        <translation>Full address for the courier</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save and continue</source>
        <translation>Save and continue</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an 11-digit mobile number.</source>
        <translation>Enter an 11-digit mobile number.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a telephone number with its area code, e.g. 0755-88886666.</source>
        <translation>Enter a telephone number with its area code, e.g. 0755-88886666.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a valid e-mail address.</source>
        <translation>Enter a valid e-mail address.</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/bank_page.py" line="+44"/>
        <source>Cancel verification?</source>
        <translation>Cancel verification?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cancels the current verification order. You will correct the six elements and go through the identity check and the bank deposit again, which takes up to 3 more working days. Continue?</source>
        <translation>This cancels the current verification order. You will correct the six elements and go through the identity check and the bank deposit again, which takes up to 3 more working days. Continue?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bank verification</source>
        <translation>Bank verification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the corporate basic account (基本户). If the account is wrong, cancel the verification and start over.</source>
        <translation>Enter the corporate basic account (基本户). If the account is wrong, cancel the verification and start over.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account name</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random code</source>
        <translation>Random code</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel verification and start over…</source>
        <translation>Cancel verification and start over…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The deposit has been made. Ask your finance department for the random code in the transfer note and enter it here.</source>
        <translation>The deposit has been made. Ask your finance department for the random code in the transfer note and enter it here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts left: %1</source>
        <translation>Attempts left: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong codes. Cancel the verification and start over.</source>
        <translation>Too many wrong codes. Cancel the verification and start over.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too short: enter the full name.</source>
        <translation>Too short: enter the full name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits only (spaces allowed), as on the bank&apos;s documents.</source>
        <translation>Digits only (spaces allowed), as on the bank&apos;s documents.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid.</source>
        <translation>Not valid.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not check; see the message above.</source>
        <translation>Could not check; see the message above.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked at %1: the deposit has not arrived yet. You will be told here when it does.</source>
        <translation>Checked at %1: the deposit has not arrived yet. You will be told here when it does.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the random code.</source>
        <translation>Enter the random code.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrong code. Attempts left: %1</source>
        <translation>Wrong code. Attempts left: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong code.</source>
        <translation>Wrong code.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/change_pin.py" line="+69"/>
        <source>Change the UKEY PIN</source>
        <extracomment>The PIN lengths SZCA&apos;s UKEYs accept (the UKEY itself has the last word).</extracomment>
        <translation>Change the UKEY PIN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SZCA sends the first PIN by SMS. Replace it with a PIN only you know, and keep it safe: it seals in your company&apos;s name.</source>
        <translation>SZCA sends the first PIN by SMS. Replace it with a PIN only you know, and keep it safe: it seals in your company&apos;s name.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>UKEY:</source>
        <translation>UKEY:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current PIN:</source>
        <translation>Current PIN:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN:</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN again:</source>
        <translation>New PIN again:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2 letters or digits.</source>
        <translation>%1 to %2 letters or digits.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>I am sure of the current PIN (one more wrong PIN locks the UKEY)</source>
        <translation>I am sure of the current PIN (one more wrong PIN locks the UKEY)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The PIN of this UKEY is locked. Only SZCA can unlock it: call 400-112-3838.</source>
        <translation>The PIN of this UKEY is locked. Only SZCA can unlock it: call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The new PIN must have %1 to %2 characters.</source>
        <translation>The new PIN must have %1 to %2 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two new PINs differ. Type the new PIN twice the same way.</source>
        <translation>The two new PINs differ. Type the new PIN twice the same way.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new PIN is the same as the current one.</source>
        <translation>The new PIN is the same as the current one.</translation>
    </message>
</context>
<context>
    <name>ChangePinFlow</name>
    <message>
        <location line="+55"/>
        <source>Looking for the UKEY…</source>
        <translation>Looking for the UKEY…</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+42"/>
        <source>PIN not changed</source>
        <translation>PIN not changed</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Changing the PIN…</source>
        <translation>Changing the PIN…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <source>PIN changed</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The UKEY&apos;s PIN was changed. Use the new PIN from now on; nobody can look it up for you.</source>
        <translation>The UKEY&apos;s PIN was changed. Use the new PIN from now on; nobody can look it up for you.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="lupdate_supplement.py" line="+6"/>
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>PDF documents (*.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ElementsPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/elements_page.py" line="+35"/>
        <source>Organisation verification: six elements</source>
        <translation>Organisation verification: six elements</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the six elements once more. If anything is wrong, go back and correct it before submitting.</source>
        <translation>Check the six elements once more. If anything is wrong, go back and correct it before submitting.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data wrong? Go back and edit</source>
        <translation>Data wrong? Go back and edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit for verification</source>
        <translation>Submit for verification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid unified social credit code (check character wrong).</source>
        <translation>Not a valid unified social credit code (check character wrong).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid ID number (check digit or birth date wrong).</source>
        <translation>Not a valid ID number (check digit or birth date wrong).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an 11-digit mobile number.</source>
        <translation>Enter an 11-digit mobile number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong format.</source>
        <translation>Wrong format.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one of the options.</source>
        <translation>Choose one of the options.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid.</source>
        <translation>Not valid.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/signature_panel.py" line="+100"/>
        <source>Seal self-check</source>
        <translation>Seal self-check</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1. Open a PDF document
2. Insert the UKEY
3. Click “Place seal”, put the seal on the page and enter the PIN
4. Point at the seal and click “Verify seal” — the result should be “Signature valid”</source>
        <translation>1. Open a PDF document
2. Insert the UKEY
3. Click “Place seal”, put the seal on the page and enter the PIN
4. Point at the seal and click “Verify seal” — the result should be “Signature valid”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open PDF…</source>
        <translation>Open PDF…</translation>
    </message>
</context>
<context>
    <name>EnvCheck</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/env_checks.py" line="+51"/>
        <source>Operating system</source>
        <translation>Operating system</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>UKEY driver missing</source>
        <translation>UKEY driver missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chosen driver file is gone. Choose it again under Settings, or reinstall the driver.</source>
        <translation>The chosen driver file is gone. Choose it again under Settings, or reinstall the driver.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>UKEY driver</source>
        <translation>UKEY driver</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No UKEY driver found</source>
        <translation>No UKEY driver found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download the SZCA driver from www.szca.com (Customer service → Driver download) and install it.</source>
        <translation>Download the SZCA driver from www.szca.com (Customer service → Driver download) and install it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No UKEY inserted</source>
        <translation>No UKEY inserted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY; this list updates by itself.</source>
        <translation>Insert the UKEY; this list updates by itself.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PIN is locked. Call 400-112-3838 to unlock it.</source>
        <translation>The PIN is locked. Call 400-112-3838 to unlock it.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Wrong PINs were entered. Be careful: the UKEY locks after too many.</source>
        <translation>Wrong PINs were entered. Be careful: the UKEY locks after too many.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+66"/>
        <location line="+6"/>
        <location line="+2"/>
        <source>UKEY</source>
        <translation>UKEY</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expired on %1</source>
        <translation>expired on %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Certificate expired</source>
        <translation>Certificate expired</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renew the certificate with SZCA (Application progress).</source>
        <translation>Renew the certificate with SZCA (Application progress).</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>valid until %1 (%2 days left)</source>
        <translation>valid until %1 (%2 days left)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Certificate expires soon</source>
        <translation>Certificate expires soon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew the certificate before it expires.</source>
        <translation>Renew the certificate before it expires.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PIN tries left: %1 of %2</source>
        <translation>PIN tries left: %1 of %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong PINs were entered. Tries left before the UKEY locks: %1. Enter the PIN carefully.</source>
        <translation>Wrong PINs were entered. Tries left before the UKEY locks: %1. Enter the PIN carefully.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SM2</source>
        <translation>SM2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SKF driver, GM/T 0016</source>
        <translation>SKF driver, GM/T 0016</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#11 driver</source>
        <translation>PKCS#11 driver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, software test UKEY</source>
        <translation>, software test UKEY</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>UKEY driver cannot be used</source>
        <translation>UKEY driver cannot be used</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its certificate is not trusted</source>
        <translation>its certificate is not trusted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no connection</source>
        <translation>no connection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network error</source>
        <translation>network error</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>In use: a document is being sealed</source>
        <translation>In use: a document is being sealed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list updates by itself.</source>
        <translation>This list updates by itself.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No trust roots</source>
        <translation>No trust roots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seals cannot be shown as valid. Add the SZCA root under Settings.</source>
        <translation>Seals cannot be shown as valid. Add the SZCA root under Settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust root</source>
        <translation>Trust root</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+51"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Online service</source>
        <translation>Online service</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Not reachable. The seal self-check works offline; the application wizard needs the network.</source>
        <translation>Not reachable. The seal self-check works offline; the application wizard needs the network.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Built-in sandbox (test data only): runs on this computer, no network needed</source>
        <translation>Built-in sandbox (test data only): runs on this computer, no network needed</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Computer clock</source>
        <translation>Computer clock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date is wrong. Set the correct date and time; signatures carry the signing time.</source>
        <translation>The date is wrong. Set the correct date and time; signatures carry the signing time.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Not checked (offline)</source>
        <translation>Not checked (offline)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>CGN Seal Desktop — environment check</source>
        <translation>CGN Seal Desktop — environment check</translation>
    </message>
</context>
<context>
    <name>EnvironmentPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/environment.py" line="+61"/>
        <source>Environment check</source>
        <translation>Environment check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks what sealing needs on this computer. Green is fine, amber needs attention, red must be fixed.</source>
        <translation>Checks what sealing needs on this computer. Green is fine, amber needs attention, red must be fixed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check the online service</source>
        <translation>Check the online service</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The check failed: %1</source>
        <translation>The check failed: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Change PIN…</source>
        <translation>Change PIN…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the PIN of %1</source>
        <translation>Change the PIN of %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Report copied</source>
        <translation>Report copied</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/common.py" line="+102"/>
        <source>Retry</source>
        <extracomment>The colour of a problem a field or a file has (also used by pages for their own messages).</extracomment>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/identity_page.py" line="+23"/>
        <source>Identity check of the operator</source>
        <translation>Identity check of the operator</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Open WeChat on the operator&apos;s phone, choose Scan and scan this QR code. After the check passes, this page moves on by itself.</source>
        <translation>Open WeChat on the operator&apos;s phone, choose Scan and scan this QR code. After the check passes, this page moves on by itself.</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+35"/>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Cancel verification and start over…</source>
        <translation>Cancel verification and start over…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Click “Show QR code”. Then open WeChat on the operator&apos;s phone, choose Scan and scan the code shown here.</source>
        <translation>Click “Show QR code”. Then open WeChat on the operator&apos;s phone, choose Scan and scan the code shown here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click “Show QR code” to begin.</source>
        <translation>Click “Show QR code” to begin.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check the operator&apos;s data, then click “Refresh QR code” and scan the new code.</source>
        <translation>Check the operator&apos;s data, then click “Refresh QR code” and scan the new code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the WeChat scan…</source>
        <translation>Waiting for the WeChat scan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned; waiting for the operator to confirm…</source>
        <translation>Scanned; waiting for the operator to confirm…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check passed.</source>
        <translation>Identity check passed.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Making a new QR code…</source>
        <translation>Making a new QR code…</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The identity check failed: %1</source>
        <translation>The identity check failed: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The QR code has expired.</source>
        <translation>The QR code has expired.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Refresh QR code</source>
        <translation>Refresh QR code</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The QR code has expired. Click “Refresh QR code” for a new one.</source>
        <translation>The QR code has expired. Click “Refresh QR code” for a new one.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Valid for %1:%2</source>
        <translation>Valid for %1:%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/main_window.py" line="+55"/>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>CGN E-Seal Desktop</source>
        <translation>CGN E-Seal Desktop</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Seal self-check</source>
        <translation>Seal self-check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application progress</source>
        <translation>Application progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment check</source>
        <translation>Environment check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service</source>
        <translation>Customer service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../cgn_seal_desktop/ui/screenshots.py" line="+190"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;sealed copy as…</source>
        <translation>Save &amp;sealed copy as…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close document</source>
        <translation>&amp;Close document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xit</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change PIN…</source>
        <translation>&amp;Change PIN…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the UKEY&apos;s PIN (the first one comes by SMS)</source>
        <translation>Replace the UKEY&apos;s PIN (the first one comes by SMS)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Environment check</source>
        <translation>&amp;Environment check</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent files</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Seal</source>
        <translation>&amp;Seal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;UKEY</source>
        <translation>&amp;UKEY</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;h3&gt;CGN E-Seal Desktop %1&lt;/h3&gt;&lt;p&gt;Apply for the digital certificate / e-seal of the CGN e-commerce platform and check the seal offline.&lt;/p&gt;&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY. See the GNU AGPL (licenses/AGPL-3.0.txt) for details.&lt;/p&gt;&lt;p&gt;Customer service: 400-112-3838 · www.szca.com&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CGN E-Seal Desktop %1&lt;/h3&gt;&lt;p&gt;Apply for the digital certificate / e-seal of the CGN e-commerce platform and check the seal offline.&lt;/p&gt;&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY. See the GNU AGPL (licenses/AGPL-3.0.txt) for details.&lt;/p&gt;&lt;p&gt;Customer service: 400-112-3838 · www.szca.com&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Sealing in progress</source>
        <translation>Sealing in progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealing is still running. Cancel it and exit?</source>
        <translation>Sealing is still running. Cancel it and exit?</translation>
    </message>
</context>
<context>
    <name>MaterialRow</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/materials_page.py" line="+63"/>
        <source>Drop a file here, or choose one.</source>
        <extracomment>MaterialKind, Path bytes sent, total (emitted from the worker thread)</extracomment>
        <translation>Drop a file here, or choose one.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <location line="+62"/>
        <source>Upload the application materials</source>
        <translation>Upload the application materials</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF, JPEG or PNG. Scan at 200 dpi; colour is required for the seal impression.</source>
        <translation>PDF, JPEG or PNG. Scan at 200 dpi; colour is required for the seal impression.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit application</source>
        <translation>Edit application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print forms</source>
        <translation>Print forms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit application</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Upload again: %1</source>
        <translation>Upload again: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Uploaded: %1 (%2 KB)</source>
        <translation>Uploaded: %1 (%2 KB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop a file here, or choose one.</source>
        <translation>Drop a file here, or choose one.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose file</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This file type is not accepted: use PDF, JPEG or PNG.</source>
        <translation>This file type is not accepted: use PDF, JPEG or PNG.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is empty (0 bytes). Scan the document again and choose the new file.</source>
        <translation>The file is empty (0 bytes). Scan the document again and choose the new file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is too large (max. %1 MB).</source>
        <translation>The file is too large (max. %1 MB).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Uploading %1…</source>
        <translation>Uploading %1…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Your application was submitted again. SZCA reviews it once more; no second payment is needed.</source>
        <translation>Your application was submitted again. SZCA reviews it once more; no second payment is needed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your application was submitted again. Pay the fee to start the review.</source>
        <translation>Your application was submitted again. Pay the fee to start the review.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your application was submitted. Pay the fee to start the review.</source>
        <translation>Your application was submitted. Pay the fee to start the review.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/messages.py" line="+42"/>
        <source>The UKEY could not be used</source>
        <translation>The UKEY could not be used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the UKEY, insert it again and retry.</source>
        <translation>Remove the UKEY, insert it again and retry.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No UKEY driver found</source>
        <translation>No UKEY driver found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the SZCA UKEY driver (Customer service → Driver download at www.szca.com), or choose the driver file under Settings.</source>
        <translation>Install the SZCA UKEY driver (Customer service → Driver download at www.szca.com), or choose the driver file under Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY driver could not be loaded</source>
        <translation>The UKEY driver could not be loaded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstall the UKEY driver, or choose another driver file under Settings. 32-bit drivers cannot be used by this 64-bit program.</source>
        <translation>Reinstall the UKEY driver, or choose another driver file under Settings. 32-bit drivers cannot be used by this 64-bit program.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY driver is a 32-bit driver</source>
        <translation>The UKEY driver is a 32-bit driver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This 64-bit program cannot use a 32-bit UKEY driver. Install the 64-bit driver of your UKEY (Customer service → Driver download at www.szca.com).</source>
        <translation>This 64-bit program cannot use a 32-bit UKEY driver. Install the 64-bit driver of your UKEY (Customer service → Driver download at www.szca.com).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This UKEY driver is not supported yet</source>
        <translation>This UKEY driver is not supported yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the PKCS#11 driver of your UKEY, or call the hotline 400-112-3838.</source>
        <translation>Install the PKCS#11 driver of your UKEY, or call the hotline 400-112-3838.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No UKEY inserted</source>
        <translation>No UKEY inserted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY into a USB port and try again.</source>
        <translation>Insert the UKEY into a USB port and try again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several UKEYs are inserted</source>
        <translation>Several UKEYs are inserted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the UKEY to use, or remove the others.</source>
        <translation>Choose the UKEY to use, or remove the others.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The UKEY was removed</source>
        <translation>The UKEY was removed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY again and repeat the step. Nothing was written.</source>
        <translation>Insert the UKEY again and repeat the step. Nothing was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The UKEY reported an error</source>
        <translation>The UKEY reported an error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the UKEY, insert it again and retry. If it keeps failing, call 400-112-3838.</source>
        <translation>Remove the UKEY, insert it again and retry. If it keeps failing, call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the PIN and enter it again. Too many wrong PINs lock the UKEY.</source>
        <translation>Check the PIN and enter it again. Too many wrong PINs lock the UKEY.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PIN is locked</source>
        <translation>The PIN is locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong PINs were entered. Only SZCA can unlock the UKEY: call 400-112-3838.</source>
        <translation>Too many wrong PINs were entered. Only SZCA can unlock the UKEY: call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new PIN is not accepted by the UKEY</source>
        <translation>The new PIN is not accepted by the UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PIN of 6 to 16 digits or letters and type it again.</source>
        <translation>Choose a PIN of 6 to 16 digits or letters and type it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final PIN try</source>
        <translation>Final PIN try</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more wrong PIN locks the UKEY. Confirm only if you are sure of the PIN.</source>
        <translation>One more wrong PIN locks the UKEY. Confirm only if you are sure of the PIN.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No signing certificate on the UKEY</source>
        <translation>No signing certificate on the UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This UKEY holds no certificate for sealing. Check that it is the e-seal UKEY from SZCA.</source>
        <translation>This UKEY holds no certificate for sealing. Check that it is the e-seal UKEY from SZCA.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY holds no seal key</source>
        <translation>The UKEY holds no seal key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This UKEY has not been issued with a seal key. Check that it is the e-seal UKEY from SZCA, or call 400-112-3838.</source>
        <translation>This UKEY has not been issued with a seal key. Check that it is the e-seal UKEY from SZCA, or call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY has no key for this certificate</source>
        <translation>The UKEY has no key for this certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UKEY may be damaged or wrongly issued. Call 400-112-3838.</source>
        <translation>The UKEY may be damaged or wrongly issued. Call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY cannot make this kind of signature</source>
        <translation>The UKEY cannot make this kind of signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the UKEY driver, or call 400-112-3838.</source>
        <translation>Update the UKEY driver, or call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seal could not be applied</source>
        <translation>The seal could not be applied</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>Try again; if it keeps failing, call 400-112-3838.</source>
        <translation>Try again; if it keeps failing, call 400-112-3838.</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>The seal image cannot be used</source>
        <translation>The seal image cannot be used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PNG or JPEG image (transparent PNG works best), or use the default seal.</source>
        <translation>Choose a PNG or JPEG image (transparent PNG works best), or use the default seal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF cannot be read</source>
        <translation>The PDF cannot be read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or not a PDF. Open the original file again.</source>
        <translation>The file is damaged or not a PDF. Open the original file again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>The PDF is password-protected</source>
        <translation>The PDF is password-protected</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>Enter the document&apos;s password.</source>
        <translation>Enter the document&apos;s password.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The seal cannot be placed there</source>
        <translation>The seal cannot be placed there</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place the seal completely inside a page.</source>
        <translation>Place the seal completely inside a page.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature field cannot be used</source>
        <translation>The signature field cannot be used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place the seal in a free area of the page instead.</source>
        <translation>Place the seal in a free area of the page instead.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file already exists</source>
        <translation>The file already exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another name. The original is never replaced.</source>
        <translation>Choose another name. The original is never replaced.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealing cancelled</source>
        <translation>Sealing cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written.</source>
        <translation>Nothing was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document could not be sealed</source>
        <translation>The document could not be sealed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written. Try again, or save the PDF anew (print to PDF) and seal that copy.</source>
        <translation>Nothing was written. Try again, or save the PDF anew (print to PDF) and seal that copy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a certificate</source>
        <translation>Not a certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a root certificate file (.cer, .crt, .pem, .der).</source>
        <translation>Choose a root certificate file (.cer, .crt, .pem, .der).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document cannot be opened</source>
        <translation>The document cannot be opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the file and try again.</source>
        <translation>Check the file and try again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>The file cannot be read</source>
        <translation>The file cannot be read</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+22"/>
        <source>Check that the file exists and that you may read it.</source>
        <translation>Check that the file exists and that you may read it.</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+15"/>
        <source>This is not a PDF file</source>
        <translation>This is not a PDF file</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Open a PDF document (*.pdf).</source>
        <translation>Open a PDF document (*.pdf).</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The PDF file is damaged</source>
        <translation>The PDF file is damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the sender for the file again.</source>
        <translation>Ask the sender for the file again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong document password</source>
        <translation>Wrong document password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the password again.</source>
        <translation>Enter the password again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A page could not be shown</source>
        <translation>A page could not be shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page may be damaged; the rest of the document is still usable.</source>
        <translation>The page may be damaged; the rest of the document is still usable.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>The file is too large</source>
        <translation>The file is too large</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Files over 2 GB cannot be verified.</source>
        <translation>Files over 2 GB cannot be verified.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The online service could not do this</source>
        <translation>The online service could not do this</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again later.</source>
        <translation>Try again later.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the online service</source>
        <translation>Cannot reach the online service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network connection and the service address under Settings.</source>
        <translation>Check the network connection and the service address under Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The online service&apos;s certificate is not trusted</source>
        <translation>The online service&apos;s certificate is not trusted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection is not safe, so it was stopped. Check the service address under Settings and the computer&apos;s date and time.</source>
        <translation>The connection is not safe, so it was stopped. Check the service address under Settings and the computer&apos;s date and time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The online service did not answer</source>
        <translation>The online service did not answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again in a moment.</source>
        <translation>Try again in a moment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The online service failed</source>
        <translation>The online service failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again later; if it persists, call 400-112-3838.</source>
        <translation>Try again later; if it persists, call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please log in again</source>
        <translation>Please log in again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your login has expired.</source>
        <translation>Your login has expired.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the user name and password.</source>
        <translation>Check the user name and password.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item no longer exists. Refresh.</source>
        <translation>The item no longer exists. Refresh.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not possible at this step</source>
        <translation>Not possible at this step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the progress page to see the current step.</source>
        <translation>Refresh the progress page to see the current step.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload a smaller file (scan at 200 dpi).</source>
        <translation>Upload a smaller file (scan at 200 dpi).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many attempts</source>
        <translation>Too many attempts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait a few minutes and try again.</source>
        <translation>Wait a few minutes and try again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some entries are not valid</source>
        <translation>Some entries are not valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the marked fields and submit again.</source>
        <translation>Correct the marked fields and submit again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test server could not start</source>
        <translation>The test server could not start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another program may use the port; choose another one.</source>
        <translation>Another program may use the port; choose another one.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature valid</source>
        <extracomment>Verdict per signature status, in the words of the process guide (shown big in the dialog).</extracomment>
        <translation>Signature valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature invalid</source>
        <translation>Signature invalid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document modified after signing</source>
        <translation>Document modified after signing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate not trusted</source>
        <translation>Certificate not trusted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate expired</source>
        <translation>Certificate expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate revoked</source>
        <translation>Certificate revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Algorithm too weak</source>
        <translation>Algorithm too weak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be determined</source>
        <translation>Cannot be determined</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The seal or the document was damaged or forged. Do not rely on this document; ask the sender for the original.</source>
        <extracomment>What to do, per status (shown under a red verdict).</extracomment>
        <translation>The seal or the document was damaged or forged. Do not rely on this document; ask the sender for the original.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document was changed after it was sealed. Ask the sender for the sealed original.</source>
        <translation>The document was changed after it was sealed. Ask the sender for the sealed original.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate was not issued under a trusted root. For SZCA e-seals, check the trusted roots under Settings.</source>
        <translation>The certificate was not issued under a trusted root. For SZCA e-seals, check the trusted roots under Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate was not valid when the document was sealed. Renew the certificate and seal again.</source>
        <translation>The certificate was not valid when the document was sealed. Renew the certificate and seal again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate has been revoked. Contact SZCA: 400-112-3838.</source>
        <translation>The certificate has been revoked. Contact SZCA: 400-112-3838.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seal uses an outdated algorithm. Seal the document again with this program.</source>
        <translation>The seal uses an outdated algorithm. Seal the document again with this program.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The result cannot be determined offline. See the details below.</source>
        <translation>The result cannot be determined offline. See the details below.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No changes after signing</source>
        <translation>No changes after signing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form fields filled in or further seals added</source>
        <translation>Form fields filled in or further seals added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments (annotations) added</source>
        <translation>Comments (annotations) added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content changed</source>
        <translation>Content changed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signature value does not match.</source>
        <extracomment>Verification findings by code (report.Finding.code); unknown codes show the English text.</extracomment>
        <translation>The signature value does not match.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The signed byte range is not sound.</source>
        <translation>The signed byte range is not sound.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is unclear which part of the file is signed.</source>
        <translation>It is unclear which part of the file is signed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document was changed: its digest does not match.</source>
        <translation>The document was changed: its digest does not match.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature is malformed.</source>
        <translation>The signature is malformed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document was changed after signing.</source>
        <translation>The document was changed after signing.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time-stamp information.</source>
        <translation>Time-stamp information.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data was appended after the end of the document.</source>
        <translation>Data was appended after the end of the document.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust in the certificate cannot be decided.</source>
        <translation>Trust in the certificate cannot be decided.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A weak algorithm was used.</source>
        <translation>A weak algorithm was used.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate chain does not lead to a trusted root.</source>
        <translation>The certificate chain does not lead to a trusted root.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate was not valid at the signing time.</source>
        <translation>The certificate was not valid at the signing time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate has been revoked.</source>
        <translation>The certificate has been revoked.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Warning: the next wrong PIN locks the UKEY.</source>
        <translation>Warning: the next wrong PIN locks the UKEY.</translation>
    </message>
</context>
<context>
    <name>OpsConsoleDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/ops_console.py" line="+29"/>
        <source>Operator page</source>
        <translation>Operator page</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the sandbox you also play the other side: WeChat (identity check), the bank (small deposit), the payment provider and SZCA&apos;s reviewer. Open this address in a web browser on this computer:</source>
        <translation>In the sandbox you also play the other side: WeChat (identity check), the bank (small deposit), the payment provider and SZCA&apos;s reviewer. Open this address in a web browser on this computer:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy address</source>
        <translation>Copy address</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open in browser</source>
        <translation>Open in browser</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Address copied. Paste it into a web browser.</source>
        <translation>Address copied. Paste it into a web browser.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening the browser… If nothing opens, copy the address into a browser.</source>
        <translation>Opening the browser… If nothing opens, copy the address into a browser.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No web browser could be opened. Copy the address into a browser on this computer.</source>
        <translation>No web browser could be opened. Copy the address into a browser on this computer.</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/payment_page.py" line="+51"/>
        <source>Pay the certificate fee</source>
        <translation>Pay the certificate fee</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invoice (fapiao)</source>
        <translation>Invoice (fapiao)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SZCA issues the invoice for the fee with these details. The tax ID of a company is its unified social credit code.</source>
        <translation>SZCA issues the invoice for the fee with these details. The tax ID of a company is its unified social credit code.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice title</source>
        <translation>Invoice title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tax ID</source>
        <translation>Tax ID</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alipay (支付宝)</source>
        <translation>Alipay (支付宝)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WeChat Pay (微信)</source>
        <translation>WeChat Pay (微信)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+114"/>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Amount: ¥%1</source>
        <translation>Amount: ¥%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking the payment order…</source>
        <translation>Checking the payment order…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the full name of the company.</source>
        <translation>Enter the full name of the company.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid tax ID: enter the 18-character unified social credit code (check character wrong).</source>
        <translation>Not a valid tax ID: enter the 18-character unified social credit code (check character wrong).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid.</source>
        <translation>Not valid.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paid. Thank you.</source>
        <translation>Paid. Thank you.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan with %1 and pay. Valid for %2:%3. Waiting for the payment…</source>
        <translation>Scan with %1 and pay. Valid for %2:%3. Waiting for the payment…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New QR code</source>
        <translation>New QR code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment QR code has expired. Click “Pay” for a new one.</source>
        <translation>The payment QR code has expired. Click “Pay” for a new one.</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/viewer/pdf_view.py" line="+144"/>
        <source>PDF document</source>
        <extracomment>Logical pixels per point at 100 % (96 dpi screens; Qt scales logical pixels on high-DPI). page count; the document is laid out and shown path, True if a given password was wrong a DocumentError other than the password ones 0-based index of the page filling most of the view zoom factor, 1.0 = 100 % a page was painted from a real render (not a placeholder) page index, DocumentError (painter, page index, page rect in viewport coordinates), after each visible page is drawn PdfMouseEvent PdfMouseEvent, while a button is held (dragging) PdfMouseEvent PdfMouseEvent, moves with no button held</extracomment>
        <translation>PDF document</translation>
    </message>
    <message>
        <location line="+360"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/ukey_dialogs.py" line="+92"/>
        <source>Enter the UKEY PIN</source>
        <translation>Enter the UKEY PIN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>UKEY:</source>
        <translation>UKEY:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate owner:</source>
        <translation>Certificate owner:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I am sure of this PIN (one more wrong PIN locks the UKEY)</source>
        <translation>I am sure of this PIN (one more wrong PIN locks the UKEY)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seal</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The UKEY was removed. Insert it again to seal.</source>
        <translation>The UKEY was removed. Insert it again to seal.</translation>
    </message>
</context>
<context>
    <name>PinText</name>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>A wrong PIN was entered since the UKEY was last used. The UKEY does not say how many tries remain; it locks after several wrong PINs in a row.</source>
        <translation>A wrong PIN was entered since the UKEY was last used. The UKEY does not say how many tries remain; it locks after several wrong PINs in a row.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final try: one more wrong PIN locks the UKEY, and only SZCA can unlock it (400-112-3838).</source>
        <translation>Final try: one more wrong PIN locks the UKEY, and only SZCA can unlock it (400-112-3838).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN tries left: %1 of %2</source>
        <translation>PIN tries left: %1 of %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PIN was wrong. Please enter it again.</source>
        <translation>The PIN was wrong. Please enter it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current PIN was wrong.</source>
        <translation>The current PIN was wrong.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries left before the UKEY locks: %1.</source>
        <translation>Tries left before the UKEY locks: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs were entered before. Tries left before the UKEY locks: %1.</source>
        <translation>Wrong PINs were entered before. Tries left before the UKEY locks: %1.</translation>
    </message>
</context>
<context>
    <name>PrintFormsPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/print_page.py" line="+44"/>
        <source>Print the application form</source>
        <extracomment>The documents this page makes, in the order of its buttons, with their file names.</extracomment>
        <translation>Print the application form</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print each page on plain white A4 paper. The legal representative and the operator sign the application form; stamp the company seal on every page. Then scan them and upload them in the next step.</source>
        <translation>Print each page on plain white A4 paper. The legal representative and the operator sign the application form; stamp the company seal on every page. Then scan them and upload them in the next step.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The operator is not the legal representative: the legal representative also signs the authorisation letter, and it is uploaded with the other materials.</source>
        <translation>The operator is not the legal representative: the legal representative also signs the authorisation letter, and it is uploaded with the other materials.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+101"/>
        <source>Application form</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+99"/>
        <source>Seal impression page</source>
        <translation>Seal impression page</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+98"/>
        <source>Authorisation letter</source>
        <translation>Authorisation letter</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next: upload materials</source>
        <translation>Next: upload materials</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Preparing the forms…</source>
        <translation>Preparing the forms…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The forms are ready.</source>
        <translation>The forms are ready.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replace file?</source>
        <translation>Replace file?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
</context>
<context>
    <name>ProgressPlaceholderPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/progress_placeholder.py" line="+23"/>
        <source>Application progress</source>
        <translation>Application progress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply for the digital certificate (e-seal) of the CGN e-commerce platform:

1. Supplier registration
2. Organisation verification
3. Apply for the digital certificate
4. Payment and review
5. The UKEY is shipped — then run the seal self-check</source>
        <translation>Apply for the digital certificate (e-seal) of the CGN e-commerce platform:

1. Supplier registration
2. Organisation verification
3. Apply for the digital certificate
4. Payment and review
5. The UKEY is shipped — then run the seal self-check</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start or continue the application</source>
        <translation>Start or continue the application</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/qr.py" line="+77"/>
        <source>TEST / SANDBOX — NOT VALID</source>
        <translation>TEST / SANDBOX — NOT VALID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/review_page.py" line="+22"/>
        <location line="+55"/>
        <source>Review by SZCA</source>
        <extracomment>open the 盖章自检 page of the main window</extracomment>
        <translation>Review by SZCA</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Check status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seal self-check</source>
        <translation>Seal self-check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Self-check passed</source>
        <translation>Self-check passed</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not check; see the message above.</source>
        <translation>Could not check; see the message above.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked at %1: still under review.</source>
        <translation>Checked at %1: still under review.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Under review; the result is expected by %1.</source>
        <translation>Under review; the result is expected by %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The review takes longer than usual; call 400-112-3838.</source>
        <translation>The review takes longer than usual; call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your application was approved. The UKEY is on its way.</source>
        <translation>Your application was approved. The UKEY is on its way.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All done: the seal self-check passed.</source>
        <translation>All done: the seal self-check passed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate serial: %1</source>
        <translation>Certificate serial: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Courier: %1, tracking number %2</source>
        <translation>Courier: %1, tracking number %2</translation>
    </message>
</context>
<context>
    <name>SaveAs</name>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace file?</source>
        <translation>Replace file?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
</context>
<context>
    <name>SealPicture</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/seal_picture.py" line="+50"/>
        <source>Choose the seal image</source>
        <translation>Choose the seal image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Seal image: %1</source>
        <translation>Seal image: %1</translation>
    </message>
</context>
<context>
    <name>SealingSteps</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/sealing_steps.py" line="+110"/>
        <source>Looking for the UKEY…</source>
        <extracomment>output Path the flow stopped (success, error or cancel) a short status-bar message</extracomment>
        <translation>Looking for the UKEY…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+3"/>
        <location line="+35"/>
        <source>Sealing cancelled</source>
        <translation>Sealing cancelled</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Save the sealed copy</source>
        <translation>Save the sealed copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already exists. Replace it with the sealed copy?</source>
        <translation>%1 already exists. Replace it with the sealed copy?</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sealing…</source>
        <translation>Sealing…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sealing with the UKEY…</source>
        <translation>Sealing with the UKEY…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sealing</source>
        <translation>Sealing</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sealed: %1</source>
        <translation>Sealed: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sealing cancelled; nothing was written</source>
        <translation>Sealing cancelled; nothing was written</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sealing failed</source>
        <translation>Sealing failed</translation>
    </message>
</context>
<context>
    <name>SelfCheckPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/page.py" line="+157"/>
        <source>No UKEY inserted</source>
        <extracomment>VerificationReport of the open file the VerificationDialog, before it is executed Path of a copy written by :meth:`save_copy`</extracomment>
        <translation>No UKEY inserted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY to seal. It is noticed by itself.</source>
        <translation>Insert the UKEY to seal. It is noticed by itself.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UKEY: %1</source>
        <translation>UKEY: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PIN locked</source>
        <translation>PIN locked</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Password-protected PDF</source>
        <translation>Password-protected PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password. Enter it again:</source>
        <translation>Wrong password. Enter it again:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PDF is protected. Enter its password:</source>
        <translation>This PDF is protected. Enter its password:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Page %1: %2</source>
        <translation>Page %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copy saved: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Click on the page to place the seal, or drag to size it. Enter places it mid-page; Esc cancels.</source>
        <translation>Click on the page to place the seal, or drag to size it. Enter places it mid-page; Esc cancels.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sealing cancelled</source>
        <translation>Sealing cancelled</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Verifying…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Verifying the seal…</source>
        <translation>Verifying the seal…</translation>
    </message>
</context>
<context>
    <name>SelfCheckToolbar</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/toolbar.py" line="+27"/>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a PDF document (Ctrl+O)</source>
        <translation>Open a PDF document (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place seal</source>
        <translation>Place seal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place the seal with the mouse, then sign with the UKEY (Ctrl+M)</source>
        <translation>Place the seal with the mouse, then sign with the UKEY (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seal image…</source>
        <translation>Seal image…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a seal picture from a file instead of the default seal drawn from the certificate</source>
        <translation>Use a seal picture from a file instead of the default seal drawn from the certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default seal</source>
        <translation>Default seal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify all</source>
        <translation>Verify all</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit page</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Page </source>
        <translation>Page </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to page</source>
        <translation>Go to page</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/server_page.py" line="+32"/>
        <source>Where do you want to apply?</source>
        <translation>Where do you want to apply?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply with the online service of SZCA. To only try the program, choose the built-in sandbox instead. You can switch later.</source>
        <translation>Apply with the online service of SZCA. To only try the program, choose the built-in sandbox instead. You can switch later.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the online service at:</source>
        <translation>Use the online service at:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try with the built-in sandbox (test only)</source>
        <translation>Try with the built-in sandbox (test only)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is sent to SZCA. Every number, QR code and printout of the sandbox is marked “TEST / SANDBOX — NOT VALID” and is worth nothing.</source>
        <translation>Nothing is sent to SZCA. Every number, QR code and printout of the sandbox is marked “TEST / SANDBOX — NOT VALID” and is worth nothing.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter an https:// address.</source>
        <translation>Enter an https:// address.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/settings_page.py" line="+51"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect after restarting the program.</source>
        <translation>Takes effect after restarting the program.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Online service address:</source>
        <translation>Online service address:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UKEY driver (PKCS#11 or SKF)</source>
        <translation>UKEY driver (PKCS#11 or SKF)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (search installed drivers)</source>
        <translation>Automatic (search installed drivers)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Driver file:</source>
        <translation>Driver file:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test driver</source>
        <translation>Test driver</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trusted root certificates</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add root certificate…</source>
        <translation>Add root certificate…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust the test (sandbox) CA</source>
        <translation>Trust the test (sandbox) CA</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The UKEY is busy; try again in a moment.</source>
        <translation>The UKEY is busy; try again in a moment.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SKF driver</source>
        <translation>SKF driver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PKCS#11 driver</source>
        <translation>PKCS#11 driver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the driver file is not there. Choose it again, or reinstall the driver.</source>
        <translation>the driver file is not there. Choose it again, or reinstall the driver.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>works; no UKEY inserted</source>
        <translation>works; no UKEY inserted</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>works; %n UKEY(s) inserted: %1</source>
        <translation>
            <numerusform>works; %n UKEY inserted: %1</numerusform>
            <numerusform>works; %n UKEYs inserted: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>UKEY drivers, PKCS#11 or SKF (*.dll *.so *.dylib);;All files (*)</source>
        <translation>UKEY drivers, PKCS#11 or SKF (*.dll *.so *.dylib);;All files (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose the UKEY driver</source>
        <translation>Choose the UKEY driver</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>bundled</source>
        <translation>bundled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid until %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add a root certificate</source>
        <translation>Add a root certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.cer *.crt *.pem *.der);;All files (*)</source>
        <translation>Certificates (*.cer *.crt *.pem *.der);;All files (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bundled root</source>
        <translation>Bundled root</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled roots cannot be removed.</source>
        <translation>Bundled roots cannot be removed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove root?</source>
        <translation>Remove root?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seals chained to this root will no longer show as valid. Remove it?</source>
        <translation>Seals chained to this root will no longer show as valid. Remove it?</translation>
    </message>
</context>
<context>
    <name>SignatureOverlay</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/signature_overlay.py" line="+38"/>
        <location line="+89"/>
        <source>Verify seal</source>
        <extracomment>field name</extracomment>
        <translation>Verify seal</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Check this seal&apos;s signature</source>
        <translation>Check this seal&apos;s signature</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/signature_panel.py" line="-69"/>
        <location line="+9"/>
        <source>Seals in this document</source>
        <translation>Seals in this document</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tip: point at a seal on the page and click “Verify seal”.</source>
        <translation>Tip: point at a seal on the page and click “Verify seal”.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This document has no seal yet.</source>
        <translation>This document has no seal yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 seal(s) are valid.</source>
        <translation>All %1 seal(s) are valid.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some seals are not valid. Click a seal for details.</source>
        <translation>Some seals are not valid. Click a seal for details.</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/steps_panel.py" line="+105"/>
        <source>Next: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/support.py" line="+37"/>
        <source>Customer service</source>
        <translation>Customer service</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Service hotline:</source>
        <translation>Service hotline:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Website:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Online service:</source>
        <translation>Online service:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the website, top right: “Online service”</source>
        <translation>On the website, top right: “Online service”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open online service</source>
        <translation>Open online service</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Driver download:</source>
        <translation>Driver download:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>www.szca.com → Customer service → Driver download (CGN ECP project)</source>
        <translation>www.szca.com → Customer service → Driver download (CGN ECP project)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WeChat official accounts — scan to contact customer service</source>
        <translation>WeChat official accounts — scan to contact customer service</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enterprise service account</source>
        <translation>Enterprise service account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise subscription account</source>
        <translation>Enterprise subscription account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online service</source>
        <translation>Online service</translation>
    </message>
</context>
<context>
    <name>ThumbnailList</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/viewer/thumbnails.py" line="+54"/>
        <source>Page %1</source>
        <extracomment>logical pixels a thumbnail fits into</extracomment>
        <translation>Page %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Page thumbnails</source>
        <translation>Page thumbnails</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/ukey_dialogs.py" line="-112"/>
        <source>SM2</source>
        <translation>SM2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the UKEY certificate</source>
        <translation>Choose the UKEY certificate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several certificates can seal. Choose the one to use:</source>
        <translation>Several certificates can seal. Choose the one to use:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — %2 (%3, valid until %4)</source>
        <translation>%1 — %2 (%3, valid until %4)</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/verify_dialog.py" line="+58"/>
        <source>Verify seal</source>
        <translation>Verify seal</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Signer organisation:</source>
        <translation>Signer organisation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer:</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing time:</source>
        <translation>Signing time:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate serial:</source>
        <translation>Certificate serial:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate validity:</source>
        <translation>Certificate validity:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sealed content itself was altered</source>
        <translation>The sealed content itself was altered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature does not cover the whole file</source>
        <translation>The signature does not cover the whole file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes after signing:</source>
        <translation>Changes after signing:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust anchor:</source>
        <translation>Trust anchor:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Field: %1</source>
        <translation>Field: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page: %1</source>
        <translation>Page: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithms: %1</source>
        <translation>Algorithms: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document intact: %1</source>
        <translation>Document intact: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Signature covers the whole file: %1</source>
        <translation>Signature covers the whole file: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Findings:</source>
        <translation>Findings:</translation>
    </message>
</context>
<context>
    <name>WizardText</name>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application form (signed and stamped)</source>
        <translation>Application form (signed and stamped)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts left: %1</source>
        <translation>Attempts left: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation letter</source>
        <translation>Authorisation letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank account (small deposit)</source>
        <translation>Bank account (small deposit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business licence</source>
        <translation>Business licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate application</source>
        <translation>Certificate application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check and correct the six elements, then submit the verification again.</source>
        <translation>Check and correct the six elements, then submit the verification again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact mobile</source>
        <translation>Contact mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the corporate bank account.</source>
        <translation>Enter the corporate bank account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the random code of the small deposit.</source>
        <translation>Enter the random code of the small deposit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected by %1.</source>
        <translation>Expected by %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the certificate application.</source>
        <translation>Fill in the certificate application.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the six elements and submit them.</source>
        <translation>Fill in the six elements and submit them.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check failed: %1</source>
        <translation>Identity check failed: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice made out to %1, tax ID %2</source>
        <translation>Invoice made out to %1, tax ID %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailing address</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name on the seal</source>
        <translation>Name on the seal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator&apos;s ID card (emblem side)</source>
        <translation>Operator&apos;s ID card (emblem side)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator&apos;s ID card (photo side)</source>
        <translation>Operator&apos;s ID card (photo side)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation address</source>
        <translation>Organisation address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation telephone</source>
        <translation>Organisation telephone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation verification</source>
        <translation>Organisation verification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay the fee with Alipay or WeChat.</source>
        <translation>Pay the fee with Alipay or WeChat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment received; the application is under review.</source>
        <translation>Payment received; the application is under review.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the application form</source>
        <translation>Print the application form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print, sign and stamp the forms, then upload them.</source>
        <translation>Print, sign and stamp the forms, then upload them.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random code</source>
        <translation>Random code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient mobile</source>
        <translation>Recipient mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register, or log in.</source>
        <translation>Register, or log in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected: %1. Correct it and submit again (no second payment).</source>
        <translation>Rejected: %1. Correct it and submit again (no second payment).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected: %1. Correct it and submit again.</source>
        <translation>Rejected: %1. Correct it and submit again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SZCA makes a small deposit to the corporate account by %1. When the SMS arrives, ask your finance department for the random code.</source>
        <translation>SZCA makes a small deposit to the corporate account by %1. When the SMS arrives, ask your finance department for the random code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SZCA reviews the application (3 working days).</source>
        <translation>SZCA reviews the application (3 working days).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SZCA will make a small deposit to the corporate account within 3 working days.</source>
        <translation>SZCA will make a small deposit to the corporate account within 3 working days.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the QR code with the operator&apos;s WeChat.</source>
        <translation>Scan the QR code with the operator&apos;s WeChat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal impression page</source>
        <translation>Seal impression page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal self-check</source>
        <translation>Seal self-check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Six elements</source>
        <translation>Six elements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to fill in: %1</source>
        <translation>Still to fill in: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to upload: %1</source>
        <translation>Still to upload: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier registration</source>
        <translation>Supplier registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The QR code has expired. Make a new one and scan it with WeChat.</source>
        <translation>The QR code has expired. Make a new one and scan it with WeChat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UKEY is on its way by courier.</source>
        <translation>The UKEY is on its way by courier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The deposit is later than expected. Please contact customer service.</source>
        <translation>The deposit is later than expected. Please contact customer service.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The identity check failed; see the reason and try again.</source>
        <translation>The identity check failed; see the reason and try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The identity check has passed.</source>
        <translation>The identity check has passed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment QR code has expired. Start the payment again.</source>
        <translation>The payment QR code has expired. Start the payment again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The small deposit was made: enter the random code.</source>
        <translation>The small deposit was made: enter the random code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This takes longer than usual: call 400-112-3838.</source>
        <translation>This takes longer than usual: call 400-112-3838.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong random codes. Cancel the verification and start it again.</source>
        <translation>Too many wrong random codes. Cancel the verification and start it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UKEY delivery</source>
        <translation>UKEY delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UKEY recipient</source>
        <translation>UKEY recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload materials</source>
        <translation>Upload materials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload the materials and submit the application.</source>
        <translation>Upload the materials and submit the application.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the deposit SMS, then ask your finance department for the code.</source>
        <translation>Wait for the deposit SMS, then ask your finance department for the code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the review result.</source>
        <translation>Wait for the review result.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the operator to scan the QR code with WeChat.</source>
        <translation>Waiting for the operator to scan the QR code with WeChat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the payment.</source>
        <translation>Waiting for the payment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the UKEY arrives, be sure to do the seal self-check.</source>
        <translation>When the UKEY arrives, be sure to do the seal self-check.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the UKEY arrives, do the seal self-check.</source>
        <translation>When the UKEY arrives, do the seal self-check.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your certificate application was approved; the UKEY is being shipped.</source>
        <translation>Your certificate application was approved; the UKEY is being shipped.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your certificate application was rejected; please correct and resubmit.</source>
        <translation>Your certificate application was rejected; please correct and resubmit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>please try again</source>
        <translation>please try again</translation>
    </message>
</context>
<context>
    <name>WizardWidget</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/widget.py" line="+110"/>
        <source>Change server…</source>
        <extracomment>the user wants the 盖章自检 (seal self-check) page the user wants the customer service page (客户服务支持) a long wait ended; the text shown in the page and the tray</extracomment>
        <translation>Change server…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact customer service</source>
        <translation>Contact customer service</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;TEST / SANDBOX — NOT VALID.&lt;/b&gt; This is the built-in sandbox: nothing reaches SZCA, and every number, QR code, printout and certificate here is test data.</source>
        <translation>&lt;b&gt;TEST / SANDBOX — NOT VALID.&lt;/b&gt; This is the built-in sandbox: nothing reaches SZCA, and every number, QR code, printout and certificate here is test data.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Starting the built-in sandbox…</source>
        <translation>Starting the built-in sandbox…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in sandbox (test data only)</source>
        <translation>Built-in sandbox (test data only)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built-in sandbox (test data only) at %1</source>
        <translation>Built-in sandbox (test data only) at %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Certificate application</source>
        <translation>Certificate application</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Operator page…</source>
        <translation>Operator page…</translation>
    </message>
</context>
</TS>
